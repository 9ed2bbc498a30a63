package io.creditflow.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The configurable assumptions behind a 14-day letter.
 *
 * @param zone                     where "the day of sending" is counted (sent-at instants are converted to it)
 * @param email                    delivery assumed for e-mail
 * @param post                     delivery assumed for post
 * @param termDays                 the statutory term, 14 days (art. 6:96 lid 6 BW)
 * @param extendByGeneralTermsAct  whether a term ending on a Saturday, Sunday or general holiday runs on to the next
 *                                 working day (art. 1 Algemene termijnenwet). Whether that act covers this term is
 *                                 not settled; extending is the safe side: costs are charged a day or two later
 * @param termHolidays             the holidays for that extension
 */
public record LetterRules(ZoneId zone, DeliveryRule email, DeliveryRule post, int termDays,
                          boolean extendByGeneralTermsAct, DutchHolidays termHolidays) {

    public LetterRules {
        Checks.present("zone", zone);
        Checks.present("email", email);
        Checks.present("post", post);
        if (termDays < 14) {
            throw new IllegalArgumentException("termDays: the law requires at least 14, was " + termDays);
        }
        Checks.present("termHolidays", termHolidays);
    }

    public static LetterRules dutch() {
        return new LetterRules(ZoneId.of("Europe/Amsterdam"), DeliveryRule.sameDay(), DeliveryRule.dutchPost(), 14,
                true, DutchHolidays.generalTermsAct());
    }

    public DeliveryRule delivery(Channel channel) {
        return switch (Checks.present("channel", channel)) {
            case EMAIL -> email;
            case POST -> post;
        };
    }

    /** The last day of a term ending on {@code day}, moved past weekends and holidays when so configured. */
    public LocalDate extended(LocalDate day) {
        LocalDate last = day;
        while (extendByGeneralTermsAct && (last.getDayOfWeek() == DayOfWeek.SATURDAY
                || last.getDayOfWeek() == DayOfWeek.SUNDAY || termHolidays.isHoliday(last))) {
            last = last.plusDays(1);
        }
        return last;
    }
}
