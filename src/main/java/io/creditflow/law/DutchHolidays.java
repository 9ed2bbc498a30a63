package io.creditflow.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dutch public holidays, computed per year (Easter by the Gregorian computus), with the choices that differ between
 * uses as parameters: whether Liberation Day counts every year or only in lustrum years, whether Good Friday counts,
 * and extra closed days an operator adds (days a decree treats as holidays, a carrier's strike).
 *
 * @param liberationDay which years 5 May counts
 * @param goodFriday    whether Good Friday counts (it is no general holiday; some employers close)
 * @param extraDays     further dates that count as holidays
 */
public record DutchHolidays(LiberationDay liberationDay, boolean goodFriday, Set<LocalDate> extraDays) {

    /** When 5 May counts as a holiday. */
    public enum LiberationDay {
        NEVER, EVERY_FIFTH_YEAR, EVERY_YEAR
    }

    /** A holiday with its Dutch name. */
    public record Holiday(LocalDate date, String name) {
    }

    public DutchHolidays {
        Checks.present("liberationDay", liberationDay);
        extraDays = Set.copyOf(Checks.present("extraDays", extraDays));
    }

    /**
     * The days on which post is assumed not to be delivered: the national holidays, Liberation Day only in lustrum
     * years (2025, 2030, ...), when it is a day off for most employers.
     */
    public static DutchHolidays postal() {
        return new DutchHolidays(LiberationDay.EVERY_FIFTH_YEAR, false, Set.of());
    }

    /**
     * The "algemeen erkende feestdagen" of art. 3 Algemene termijnenwet, which extend a statutory term ending on
     * them: that list names 5 May without a lustrum condition, and Good Friday only when a decree adds it.
     */
    public static DutchHolidays generalTermsAct() {
        return new DutchHolidays(LiberationDay.EVERY_YEAR, false, Set.of());
    }

    public boolean isHoliday(LocalDate date) {
        return name(date).isPresent();
    }

    /** The holiday's name when {@code date} is one. */
    public Optional<String> name(LocalDate date) {
        if (extraDays.contains(date)) {
            return Optional.of("extra closed day");
        }
        return holidaysIn(date.getYear()).stream()
                .filter(holiday -> holiday.date().equals(date))
                .map(Holiday::name)
                .findFirst();
    }

    /** All holidays of a year under these choices, in date order. */
    public List<Holiday> holidaysIn(int year) {
        LocalDate easter = easterSunday(year);
        List<Holiday> holidays = new ArrayList<>(List.of(
                new Holiday(LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag"),
                new Holiday(easter, "Eerste Paasdag"),
                new Holiday(easter.plusDays(1), "Tweede Paasdag"),
                kingsDay(year),
                new Holiday(easter.plusDays(39), "Hemelvaartsdag"),
                new Holiday(easter.plusDays(49), "Eerste Pinksterdag"),
                new Holiday(easter.plusDays(50), "Tweede Pinksterdag"),
                new Holiday(LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag"),
                new Holiday(LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag")));
        if (goodFriday) {
            holidays.add(new Holiday(easter.minusDays(2), "Goede Vrijdag"));
        }
        if (liberationDay == LiberationDay.EVERY_YEAR
                || liberationDay == LiberationDay.EVERY_FIFTH_YEAR && year % 5 == 0) {
            holidays.add(new Holiday(LocalDate.of(year, Month.MAY, 5), "Bevrijdingsdag"));
        }
        extraDays.stream().filter(day -> day.getYear() == year)
                .forEach(day -> holidays.add(new Holiday(day, "extra closed day")));
        holidays.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(holidays);
    }

    /** King's Day on 27 April, moved to the 26th when the 27th is a Sunday; Queen's Day (30 April) before 2014. */
    static Holiday kingsDay(int year) {
        LocalDate day = year >= 2014 ? LocalDate.of(year, Month.APRIL, 27) : LocalDate.of(year, Month.APRIL, 30);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return new Holiday(day, year >= 2014 ? "Koningsdag" : "Koninginnedag");
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm, also known as Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
