package io.creditflow.payments.directdebit;

import io.creditflow.law.DutchHolidays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * TARGET2 business days, on which SEPA direct debits settle: not Saturday or Sunday, New Year's Day, Good Friday,
 * Easter Monday, 1 May, 25 and 26 December. (Dutch public holidays such as King's Day are business days for SEPA.)
 */
public final class TargetCalendar {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(12, 25),
            MonthDay.of(12, 26));

    private TargetCalendar() {
    }

    public static boolean isBusinessDay(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (FIXED.contains(MonthDay.from(date))) {
            return false;
        }
        LocalDate easter = DutchHolidays.easterSunday(date.getYear());
        return !date.equals(easter.minusDays(2)) && !date.equals(easter.plusDays(1));
    }

    public static LocalDate nextBusinessDay(LocalDate from) {
        LocalDate date = from;
        while (!isBusinessDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

}
