package io.creditflow.law;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a dunning step's letter says and how it was sent: the input of {@link FourteenDayLetter#assess}.
 *
 * @param claims        the claims the letter demands (one letter for all claims of the debtor) with the facts for
 *                      the cost amount; the debtor type comes from here
 * @param latestDueDate the latest due date among those claims: every claim must be in default when it is sent
 * @param sentAt        when the letter was sent (e-mail handed to the mail server, post handed to the carrier)
 * @param channel       e-mail or post
 * @param statedTerm    the payment term as worded
 * @param statedCosts   the collection-cost amount the letter states; {@code null} when it states none
 * @param feeCharged    what the letter charges for itself; the law requires it to be free
 */
public record LetterFacts(CostsRequest claims, LocalDate latestDueDate, Instant sentAt, Channel channel,
                          StatedTerm statedTerm, @Nullable BigDecimal statedCosts, BigDecimal feeCharged) {

    public LetterFacts {
        Checks.present("claims", claims);
        Checks.present("latestDueDate", latestDueDate);
        Checks.present("sentAt", sentAt);
        Checks.present("channel", channel);
        Checks.present("statedTerm", statedTerm);
        statedCosts = statedCosts == null ? null : Checks.amount("statedCosts", statedCosts);
        feeCharged = Checks.amount("feeCharged", feeCharged);
    }

    /** A letter with the safe term wording, stating {@code statedCosts} and charging nothing for itself. */
    public static LetterFacts of(CostsRequest claims, LocalDate latestDueDate, Instant sentAt, Channel channel,
                                 BigDecimal statedCosts) {
        return new LetterFacts(claims, latestDueDate, sentAt, channel, StatedTerm.safeWording(), statedCosts,
                BigDecimal.ZERO);
    }

    public LetterFacts withStatedTerm(StatedTerm term) {
        return new LetterFacts(claims, latestDueDate, sentAt, channel, term, statedCosts, feeCharged);
    }

    public LetterFacts withStatedCosts(@Nullable BigDecimal costs) {
        return new LetterFacts(claims, latestDueDate, sentAt, channel, statedTerm, costs, feeCharged);
    }

    public LetterFacts withFeeCharged(BigDecimal fee) {
        return new LetterFacts(claims, latestDueDate, sentAt, channel, statedTerm, statedCosts, fee);
    }
}
