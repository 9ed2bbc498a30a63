package io.creditflow.scoring.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsUnitTest {

    private final double[] probability = {0.9, 0.8, 0.8, 0.3, 0.2, 0.1};
    private final boolean[] bad = {true, true, false, true, false, false};

    /** Of the 9 bad-good pairs, 7 are ordered right, one is a tie (0.8, 0.8) and one wrong (0.3 < 0.8): 7.5 / 9. */
    @Test
    void aucCountsTiesHalf() {
        assertThat(Metrics.auc(probability, bad)).isCloseTo(7.5 / 9, within(1e-12));
        assertThat(Metrics.gini(0.75)).isEqualTo(0.5);
    }

    @Test
    void ksIsTheLargestGapOfTheCumulativeShares() {
        // after 0.9: bads 1/3, goods 0 -> 1/3; after 0.8 (two): 2/3 vs 1/3; after 0.3: 1 vs 1/3 -> 2/3
        assertThat(Metrics.ks(probability, bad)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void brierIsTheMeanSquaredError() {
        double expected = (0.01 + 0.04 + 0.64 + 0.49 + 0.04 + 0.01) / 6;
        assertThat(Metrics.brier(probability, bad)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void rocRunsFromTheOriginToTheCorner() {
        List<double[]> roc = Metrics.roc(probability, bad);
        assertThat(roc.getFirst()).containsExactly(0, 0);
        assertThat(roc.getLast()).containsExactly(1, 1);
        assertThat(roc).hasSize(6); // origin and one point per distinct probability
    }

    @Test
    void calibrationBandsHoldEqualCounts() {
        List<Metrics.Band> bands = Metrics.calibration(probability, bad, 3);
        assertThat(bands).extracting(Metrics.Band::cases).containsExactly(2, 2, 2);
        assertThat(bands.getFirst().predicted()).isCloseTo(0.15, within(1e-12));
        assertThat(bands.getFirst().observed()).isZero();
        assertThat(bands.get(1).observed()).isEqualTo(1);
        assertThat(bands.getLast().observed()).isEqualTo(0.5);
    }

    /** PSI by hand: expected (0.5, 0.5), actual (0.25, 0.75): (0.25 - 0.5)·ln(0.5) + (0.75 - 0.5)·ln(1.5). */
    @Test
    void psiByHand() {
        double psi = Stability.psi(new double[] {0.5, 0.5}, new double[] {0.25, 0.75});
        assertThat(psi).isCloseTo(-0.25 * Math.log(0.5) + 0.25 * Math.log(1.5), within(1e-12));
        double[] expected = new double[1000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i;
        }
        assertThat(Stability.psi(expected, expected, 10)).isCloseTo(0, within(1e-12));
        double[] shifted = java.util.Arrays.stream(expected).map(v -> v + 400).toArray();
        assertThat(Stability.psi(expected, shifted, 10)).isGreaterThan(Stability.DRIFT);
    }
}
