package io.creditflow.law;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of the statutory collection-cost scale: cumulative brackets over the principal with a minimum and a
 * maximum, in force from a date. A value, not logic: a new decree is a new {@code CostScale} in {@link CostScales}.
 *
 * @param version       a name shown to users, e.g. "BIK 2012"
 * @param effectiveFrom the first day of default the scale applies to
 * @param brackets      contiguous brackets from 0, the last one open-ended
 * @param minimum       the least amount the scale yields (EUR 40 under the BIK)
 * @param maximum       the most the scale yields (EUR 6,775 under the BIK)
 */
public record CostScale(String version, LocalDate effectiveFrom, List<Bracket> brackets, BigDecimal minimum,
                        BigDecimal maximum) {

    /** Besluit vergoeding voor buitengerechtelijke incassokosten, Stb. 2012, 141, for defaults from 2012-07-01. */
    public static final CostScale BIK_2012 = new CostScale("BIK 2012", LocalDate.of(2012, 7, 1), List.of(
            new Bracket(new BigDecimal("0.00"), new BigDecimal("2500.00"), new BigDecimal("15")),
            new Bracket(new BigDecimal("2500.00"), new BigDecimal("5000.00"), new BigDecimal("10")),
            new Bracket(new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("5")),
            new Bracket(new BigDecimal("10000.00"), new BigDecimal("200000.00"), new BigDecimal("1")),
            new Bracket(new BigDecimal("200000.00"), null, new BigDecimal("0.5"))),
            new BigDecimal("40.00"), new BigDecimal("6775.00"));

    public CostScale {
        Checks.present("version", version);
        Checks.present("effectiveFrom", effectiveFrom);
        brackets = Checks.list("brackets", brackets);
        minimum = Checks.amount("minimum", minimum);
        maximum = Checks.amount("maximum", maximum);
        checkContiguous(brackets);
        if (minimum.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("minimum: " + minimum + " is above the maximum " + maximum);
        }
    }

    /** The exact (unrounded) amount each bracket contributes for a principal, one line per bracket it reaches. */
    public List<BracketLine> lines(BigDecimal principal) {
        List<BracketLine> lines = new ArrayList<>();
        for (Bracket bracket : brackets) {
            BigDecimal portion = bracket.portionOf(principal);
            if (portion.signum() > 0) {
                lines.add(new BracketLine(bracket, portion, portion.multiply(bracket.percent()).divide(Checks.HUNDRED)));
            }
        }
        return List.copyOf(lines);
    }

    private static void checkContiguous(List<Bracket> brackets) {
        if (brackets.isEmpty()) {
            throw new IllegalArgumentException("brackets: at least one bracket is required");
        }
        BigDecimal expectedLower = BigDecimal.ZERO;
        for (int i = 0; i < brackets.size(); i++) {
            Bracket bracket = brackets.get(i);
            if (bracket.lowerBound().compareTo(expectedLower) != 0) {
                throw new IllegalArgumentException("brackets[" + i + "].lowerBound: must be " + expectedLower
                        + " so the brackets are contiguous from 0, was " + bracket.lowerBound());
            }
            boolean last = i == brackets.size() - 1;
            if (last != (bracket.upperBound() == null)) {
                throw new IllegalArgumentException("brackets[" + i + "].upperBound: only the last bracket is open-ended");
            }
            expectedLower = bracket.upperBound() == null ? expectedLower : bracket.upperBound();
        }
    }

    /**
     * A slice of the principal charged at one percentage.
     *
     * @param upperBound exclusive of the next bracket; {@code null} for the open-ended last bracket
     */
    public record Bracket(BigDecimal lowerBound, @Nullable BigDecimal upperBound, BigDecimal percent) {

        public Bracket {
            lowerBound = Checks.amount("lowerBound", lowerBound);
            upperBound = upperBound == null ? null : Checks.amount("upperBound", upperBound);
            percent = Checks.percent("percent", percent);
            if (upperBound != null && upperBound.compareTo(lowerBound) <= 0) {
                throw new IllegalArgumentException("upperBound: must be above the lower bound " + lowerBound);
            }
        }

        /** The part of the principal that falls in this bracket. */
        public BigDecimal portionOf(BigDecimal principal) {
            BigDecimal top = upperBound == null ? principal : principal.min(upperBound);
            return top.subtract(lowerBound).max(BigDecimal.ZERO);
        }
    }

    /**
     * What one bracket contributes, exact: a console shows "15 % of 266.67 = 40.0005" and rounds only the total.
     */
    public record BracketLine(Bracket bracket, BigDecimal portion, BigDecimal amount) {
    }
}
