package io.creditflow.scoring.monitoring;

import io.creditflow.scoring.engine.Bin;
import io.creditflow.scoring.engine.Binning;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StabilityReportUnitTest {

    private static double[] normalScores(long seed, double mean, int n) {
        Random random = new Random(seed);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = mean + 40 * random.nextGaussian();
        }
        return scores;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aSamePopulationIsStableAndAShiftedOneDrifted(long seed) {
        StabilityReport.Reference reference = StabilityReport.Reference.of(normalScores(seed, 600, 5000), 10);
        StabilityReport same = StabilityReport.scores(reference, normalScores(seed + 100, 600, 5000));
        assertThat(same.status()).isEqualTo(StabilityReport.Status.STABLE);
        assertThat(same.bands()).hasSize(10);
        StabilityReport shifted = StabilityReport.scores(reference, normalScores(seed + 100, 640, 5000));
        assertThat(shifted.status()).isEqualTo(StabilityReport.Status.DRIFTED);
        assertThat(shifted.psi()).isCloseTo(shifted.bands().stream()
                .mapToDouble(StabilityReport.Band::contribution).sum(), within(1e-12));
    }

    @Test
    void statusLevels() {
        assertThat(StabilityReport.Status.of(0.05)).isEqualTo(StabilityReport.Status.STABLE);
        assertThat(StabilityReport.Status.of(0.1)).isEqualTo(StabilityReport.Status.WATCH);
        assertThat(StabilityReport.Status.of(0.26)).isEqualTo(StabilityReport.Status.DRIFTED);
    }

    /** Training: 50 % own, 50 % rent. Recent: 25 % own, 75 % rent: PSI = -0.25·ln 0.5 + 0.25·ln 1.5. */
    @Test
    void characteristicStabilityByHand() {
        Binning housing = new Binning("housing", Binning.Kind.CATEGORICAL, List.of(), Map.of("own", 0, "rent", 1),
                List.of(new Bin("own", 40, 10, -0.5), new Bin("rent", 30, 20, 0.4)), Binning.UNSEEN);
        List<String> recent = new java.util.ArrayList<>(Collections.nCopies(25, "own"));
        recent.addAll(Collections.nCopies(75, "rent"));
        StabilityReport report = StabilityReport.characteristic(housing, recent);
        assertThat(report.psi()).isCloseTo(-0.25 * Math.log(0.5) + 0.25 * Math.log(1.5), within(1e-9));
        assertThat(report.bands().getLast().label()).isEqualTo("unseen");
    }
}
