package io.creditflow.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a letter is assumed to reach the debtor: the creditor must prove receipt, so the rule is stored with the
 * letter as evidence. Either the same day (e-mail), or the n-th delivery day after the day of sending (post).
 *
 * @param deliveryDaysAfterSending 0 for the same day; n for the n-th delivery day after the day of sending
 * @param deliveryWeekdays         the weekdays a carrier delivers on
 * @param holidays                 the holidays it does not deliver on
 */
public record DeliveryRule(int deliveryDaysAfterSending, Set<DayOfWeek> deliveryWeekdays, DutchHolidays holidays) {

    public DeliveryRule {
        if (deliveryDaysAfterSending < 0 || deliveryDaysAfterSending > 10) {
            throw new IllegalArgumentException("deliveryDaysAfterSending: must be 0 to 10, was " + deliveryDaysAfterSending);
        }
        deliveryWeekdays = Set.copyOf(Checks.present("deliveryWeekdays", deliveryWeekdays));
        if (deliveryWeekdays.isEmpty()) {
            throw new IllegalArgumentException("deliveryWeekdays: at least one weekday is required");
        }
        Checks.present("holidays", holidays);
    }

    /** E-mail: delivered the day it is sent. */
    public static DeliveryRule sameDay() {
        return new DeliveryRule(0, EnumSet.allOf(DayOfWeek.class), DutchHolidays.postal());
    }

    /**
     * Dutch post: the next delivery day, Tuesday to Saturday, not on holidays. PostNL has not delivered ordinary
     * letters on Mondays since 2014, so assuming Monday delivery would start the term a day early. A planned
     * change of the postal norm to delivery within two days is not final; configure {@code 2} when it is.
     */
    public static DeliveryRule dutchPost() {
        return new DeliveryRule(1, EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY), DutchHolidays.postal());
    }

    public LocalDate assumedDelivery(LocalDate sentOn) {
        LocalDate day = sentOn;
        for (int delivered = 0; delivered < deliveryDaysAfterSending; ) {
            day = day.plusDays(1);
            if (deliveryWeekdays.contains(day.getDayOfWeek()) && !holidays.isHoliday(day)) {
                delivered++;
            }
        }
        return day;
    }

    /** The rule in words, stored as evidence with each letter. */
    public String describe() {
        if (deliveryDaysAfterSending == 0) {
            return "delivered on the day of sending";
        }
        String days = deliveryWeekdays.stream().sorted().map(DayOfWeek::name).map(String::toLowerCase)
                .collect(Collectors.joining(", "));
        return "delivered on delivery day " + deliveryDaysAfterSending + " after the day of sending (delivery days: "
                + days + "; not on Dutch public holidays, Liberation Day " + switch (holidays.liberationDay()) {
                    case NEVER -> "excluded";
                    case EVERY_FIFTH_YEAR -> "every fifth year";
                    case EVERY_YEAR -> "every year";
                } + ")";
    }
}
