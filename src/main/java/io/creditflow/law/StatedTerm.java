package io.creditflow.law;

import java.time.LocalDate;

/**
 * The payment term as the letter words it. The Hoge Raad (25 November 2016, ECLI:NL:HR:2016:2704) requires at least
 * 14 days counted from the day after the debtor received the letter; a term counted from the letter date or the
 * sending gives less and makes the letter fail.
 */
public sealed interface StatedTerm {

    /** The safe wording: "within fourteen days from the day after this letter has been delivered to you". */
    static StatedTerm safeWording() {
        return new FromDayAfterDelivery(14);
    }

    /** "Within {@code days} days from the day after delivery": the statutory wording when {@code days} is 14. */
    record FromDayAfterDelivery(int days) implements StatedTerm {
        public FromDayAfterDelivery {
            if (days < 0) {
                throw new IllegalArgumentException("days: must not be negative, was " + days);
            }
        }
    }

    /** "Within {@code days} days of the letter date" (or of sending): the wording the Hoge Raad rejected. */
    record FromLetterDate(LocalDate letterDate, int days) implements StatedTerm {
        public FromLetterDate {
            Checks.present("letterDate", letterDate);
            if (days < 0) {
                throw new IllegalArgumentException("days: must not be negative, was " + days);
            }
        }
    }

    /** "Pay by {@code lastDay} at the latest": valid when that day leaves the full statutory term. */
    record UntilDate(LocalDate lastDay) implements StatedTerm {
        public UntilDate {
            Checks.present("lastDay", lastDay);
        }
    }
}
