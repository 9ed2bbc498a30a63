package io.creditflow.law;

import java.math.BigDecimal;

/**
 * Marks the claims of a {@link CostsRequest} as terms of a recurring claim or instalment plan, with what was
 * already charged in the cap's window (see {@link RecurringClaimsCap#windowStart}); the calculator keeps no history.
 *
 * @param costsChargedInWindow collection costs (before VAT) already charged for other terms within the window
 */
public record RecurringTerms(BigDecimal costsChargedInWindow) {

    public RecurringTerms {
        costsChargedInWindow = Checks.amount("costsChargedInWindow", costsChargedInWindow);
    }

    public static RecurringTerms firstInWindow() {
        return new RecurringTerms(BigDecimal.ZERO);
    }
}
