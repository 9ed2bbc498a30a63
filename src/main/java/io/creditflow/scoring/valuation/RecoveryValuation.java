package io.creditflow.scoring.valuation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expected recovery = open amount × probability of collection × discount factor, with the discount factor
 * 1 / (1 + annual rate)^(days / 365). Amounts stay decimal: the probability and the discount factor are rates, not
 * money, and are applied to the amount once, rounded half-even to the amount's scale (cents stay cents).
 */
public final class RecoveryValuation {

    /** Age buckets by days past due, as collections teams read them. */
    public enum AgeBucket {
        CURRENT(0), DAYS_1_30(1), DAYS_31_60(31), DAYS_61_90(61), DAYS_91_180(91), OVER_180(181);

        private final int fromDay;

        AgeBucket(int fromDay) {
            this.fromDay = fromDay;
        }

        public static AgeBucket of(int daysPastDue) {
            AgeBucket bucket = CURRENT;
            for (AgeBucket candidate : values()) {
                if (daysPastDue >= candidate.fromDay) {
                    bucket = candidate;
                }
            }
            return bucket;
        }
    }

    /** Totals of one segment and age bucket. */
    public record Line(String segment, AgeBucket age, int receivables, BigDecimal open, BigDecimal expectedRecovery) {

        /** Expected recovery as a share of the open amount (0 when nothing is open). */
        public BigDecimal recoveryRate() {
            return open.signum() == 0 ? BigDecimal.ZERO
                    : expectedRecovery.divide(open, 4, RoundingMode.HALF_EVEN);
        }
    }

    private final double annualDiscountRate;

    public RecoveryValuation(double annualDiscountRate) {
        if (annualDiscountRate <= -1) {
            throw new IllegalArgumentException("the discount rate must be above -100 %");
        }
        this.annualDiscountRate = annualDiscountRate;
    }

    public BigDecimal expectedRecovery(OpenReceivable receivable) {
        double discount = Math.pow(1 + annualDiscountRate, -receivable.expectedDaysToCollection() / 365.0);
        BigDecimal factor = new BigDecimal(receivable.probabilityOfCollection() * discount, MathContext.DECIMAL64);
        return receivable.openAmount().multiply(factor)
                .setScale(receivable.openAmount().scale(), RoundingMode.HALF_EVEN);
    }

    /** Totals per segment and age bucket, ordered by segment, then age. */
    public List<Line> bySegmentAndAge(Collection<OpenReceivable> receivables) {
        Map<String, Map<AgeBucket, Line>> lines = new TreeMap<>();
        for (OpenReceivable receivable : receivables) {
            AgeBucket age = AgeBucket.of(receivable.daysPastDue());
            BigDecimal recovery = expectedRecovery(receivable);
            lines.computeIfAbsent(receivable.segment(), s -> new TreeMap<>()).merge(age,
                    new Line(receivable.segment(), age, 1, receivable.openAmount(), recovery),
                    (a, b) -> new Line(a.segment(), a.age(), a.receivables() + b.receivables(), a.open().add(b.open()),
                            a.expectedRecovery().add(b.expectedRecovery())));
        }
        List<Line> result = new ArrayList<>();
        lines.values().forEach(byAge -> result.addAll(byAge.values()));
        result.sort(Comparator.comparing(Line::segment).thenComparing(Line::age));
        return result;
    }

    /** A collectors' worklist: the receivables with the largest expected recovery first. */
    public List<OpenReceivable> worklist(Collection<OpenReceivable> receivables) {
        return receivables.stream()
                .sorted(Comparator.comparing(this::expectedRecovery).reversed()
                        .thenComparing(OpenReceivable::daysPastDue))
                .toList();
    }
}
