package io.creditflow.scoring.engine;

import java.util.Arrays;

/**
 * Population stability index: PSI = Σ (a_i - e_i) · ln(a_i / e_i) over bands of the expected (training) score
 * distribution. Below 0.1 stable, 0.1-0.25 watch, above 0.25 the population has drifted and the model needs review.
 */
public final class Stability {

    /** Shares below this are raised to it, so an empty band gives a large but finite term. */
    static final double FLOOR = 1e-4;

    public static final double DRIFT = 0.25;

    private Stability() {
    }

    /** Band borders at the quantiles of the expected scores (distinct borders only). */
    public static double[] bands(double[] expected, int bands) {
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        return java.util.stream.IntStream.range(1, bands)
                .mapToDouble(b -> sorted[(int) ((long) b * sorted.length / bands)])
                .distinct().toArray();
    }

    public static double psi(double[] expected, double[] actual, int bands) {
        double[] borders = bands(expected, bands);
        return psi(shares(expected, borders), shares(actual, borders));
    }

    /** PSI of two distributions given as shares per band (each summing to 1). */
    public static double psi(double[] expectedShares, double[] actualShares) {
        if (expectedShares.length != actualShares.length) {
            throw new IllegalArgumentException("both distributions need the same bands");
        }
        double psi = 0;
        for (int i = 0; i < expectedShares.length; i++) {
            double e = Math.max(expectedShares[i], FLOOR);
            double a = Math.max(actualShares[i], FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** Share of the values per band: band i holds values in [borders[i-1], borders[i]). */
    public static double[] shares(double[] values, double[] borders) {
        double[] shares = new double[borders.length + 1];
        for (double value : values) {
            int band = Arrays.binarySearch(borders, value);
            band = band >= 0 ? band + 1 : -band - 1;
            shares[band] += 1.0 / values.length;
        }
        return shares;
    }
}
