package io.creditflow.privacy;

import io.creditflow.law.DutchHolidays;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Deadlines of privacy promises. Working days are Monday to Friday except Dutch public holidays; Liberation Day
 * counts only in lustrum years (when most employers close), which gives the earlier, safer deadline in the other
 * years. Legal periods in months follow Regulation 1182/71 (art. 3), which the GDPR's "one month" is read by: the
 * same date in the later month (or its last day when there is no such date), moved to the next working day when it
 * falls on a weekend or public holiday.
 */
public final class WorkingDays {

    private static final DutchHolidays HOLIDAYS = DutchHolidays.postal();

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HOLIDAYS.isHoliday(day);
    }

    /** The {@code days}-th working day after {@code from} ({@code from} itself does not count). */
    public static LocalDate add(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The end of a period of {@code months} months from {@code from} (Regulation 1182/71, art. 3(2)(c) and 3(4)). */
    public static LocalDate months(LocalDate from, int months) {
        LocalDate end = from.plusMonths(months);
        while (!isWorkingDay(end)) {
            end = end.plusDays(1);
        }
        return end;
    }

    /** Working days from {@code from} to {@code to}: positive when {@code to} is later, 0 on the same day. */
    public static int between(LocalDate from, LocalDate to) {
        int sign = to.isBefore(from) ? -1 : 1;
        LocalDate a = sign > 0 ? from : to;
        LocalDate b = sign > 0 ? to : from;
        int n = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return sign * n;
    }
}
