package io.creditflow.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Dividing an amount over several claims in proportion to their weights (costs charged over summed principals). */
public final class Proportions {

    private Proportions() {
    }

    /** Splits an amount over weights in proportion, in cents, the remainder to the largest weight. */
    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal share = amount.multiply(weights.get(i)).divide(sum, 2, RoundingMode.DOWN);
            shares.add(share);
            given = given.add(share);
            if (weights.get(i).compareTo(weights.get(largest)) > 0) {
                largest = i;
            }
        }
        shares.set(largest, shares.get(largest).add(amount.subtract(given)));
        return shares;
    }
}
