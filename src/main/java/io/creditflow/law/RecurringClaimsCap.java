package io.creditflow.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * The cap on collection costs for recurring claims and instalments (Wet kwaliteit incassodienstverlening, in force
 * for costs from 2024-10-01): when every term is below the threshold, the costs charged within a window of six
 * months may not exceed the cap together. The legal detail is UNCERTAIN, so every number is configurable and
 * {@link #uncertain()} tells the UI to say so.
 * <p>
 * Interpretation chosen (documented because the text leaves it open): the cap limits the compensation before any VAT
 * uplift, like the EUR 40 minimum it resembles; the window is the {@link #window()} ending on the first day of
 * default of the term being charged; terms of business debtors are capped only when {@link #appliesToBusiness()}.
 *
 * @param effectiveFrom     first day of default the cap applies to
 * @param termThreshold     terms below this amount are capped (EUR 266.67: where the scale yields only the minimum)
 * @param capPerWindow      the most all terms together may cost within one window (EUR 140)
 * @param window            the look-back window (six months)
 * @param appliesToBusiness whether business debtors are capped too
 * @param uncertain         whether the UI should flag the rule as uncertain
 */
public record RecurringClaimsCap(LocalDate effectiveFrom, BigDecimal termThreshold, BigDecimal capPerWindow,
                                 Period window, boolean appliesToBusiness, boolean uncertain) {

    /** The rule as the domain file states it: EUR 140 per six months for terms below EUR 266.67 since 2024-10-01. */
    public static final RecurringClaimsCap DUTCH_2024 = new RecurringClaimsCap(LocalDate.of(2024, 10, 1),
            new BigDecimal("266.67"), new BigDecimal("140.00"), Period.ofMonths(6), false, true);

    public RecurringClaimsCap {
        Checks.present("effectiveFrom", effectiveFrom);
        termThreshold = Checks.positiveAmount("termThreshold", termThreshold);
        capPerWindow = Checks.amount("capPerWindow", capPerWindow);
        Checks.present("window", window);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be a positive period, was " + window);
        }
    }

    /** The first day of the window that ends on {@code inDefaultSince}: sum the costs charged from then on. */
    public LocalDate windowStart(LocalDate inDefaultSince) {
        return inDefaultSince.minus(window);
    }

    boolean appliesTo(CostsRequest request) {
        RecurringTerms recurring = request.recurringTerms();
        return recurring != null
                && !request.inDefaultSince().isBefore(effectiveFrom)
                && (request.debtorType() == DebtorType.CONSUMER || appliesToBusiness)
                && request.principals().stream().allMatch(term -> term.compareTo(termThreshold) < 0);
    }
}
