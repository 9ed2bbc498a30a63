package io.creditflow.scoring.valuation;

import java.math.BigDecimal;

/**
 * An open receivable as the valuation sees it.
 *
 * @param openAmount               what is still owed, in the portfolio's currency
 * @param probabilityOfCollection  the collectability model's probability that it gets paid
 * @param expectedDaysToCollection days from today until the expected payment, for discounting
 */
public record OpenReceivable(String segment, BigDecimal openAmount, int daysPastDue, double probabilityOfCollection,
                             int expectedDaysToCollection) {

    public OpenReceivable {
        if (openAmount.signum() < 0) {
            throw new IllegalArgumentException("an open amount is not negative: " + openAmount);
        }
        if (!(probabilityOfCollection >= 0 && probabilityOfCollection <= 1)) {
            throw new IllegalArgumentException("a probability is between 0 and 1: " + probabilityOfCollection);
        }
        if (expectedDaysToCollection < 0) {
            throw new IllegalArgumentException("days to collection are not negative");
        }
    }
}
