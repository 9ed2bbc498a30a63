package io.creditflow.scoring.engine;

import java.util.List;

/**
 * One variable of a scorecard: its binning, its regression coefficient and the points of each attribute.
 *
 * @param points       points per bin, in the order of {@code binning.bins()}
 * @param unseenPoints points of a value in no bin (WoE 0)
 */
public record Characteristic(Binning binning, double coefficient, List<Double> points, double unseenPoints) {

    public Characteristic {
        points = List.copyOf(points);
    }

    /** Points per attribute: -(β · WoE + β0 / n) · Factor + Offset / n, for a card of n variables. */
    static Characteristic of(Binning binning, double coefficient, double intercept, int variables,
                             PdoScaling scaling) {
        List<Double> points = binning.bins().stream()
                .map(bin -> points(bin.woe(), coefficient, intercept, variables, scaling)).toList();
        return new Characteristic(binning, coefficient, points, points(0, coefficient, intercept, variables, scaling));
    }

    private static double points(double woe, double coefficient, double intercept, int variables,
                                 PdoScaling scaling) {
        return -(coefficient * woe + intercept / variables) * scaling.factor() + scaling.offset() / variables;
    }

    public String variable() {
        return binning.variable();
    }

    public double pointsOf(int bin) {
        return bin == Binning.UNSEEN ? unseenPoints : points.get(bin);
    }

    public String attributeOf(int bin) {
        return bin == Binning.UNSEEN ? "unseen or missing" : binning.bins().get(bin).label();
    }

    public double maxPoints() {
        return Math.max(unseenPoints, points.stream().mapToDouble(Double::doubleValue).max().orElse(unseenPoints));
    }
}
