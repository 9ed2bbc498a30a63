package io.creditflow.scoring.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PdoScalingUnitTest {

    private final PdoScaling scaling = PdoScaling.defaults();

    @Test
    void factorAndOffsetMatchTheTextbookVector() {
        assertThat(scaling.factor()).isCloseTo(28.8539, within(1e-4));
        assertThat(scaling.offset()).isCloseTo(487.1229, within(1e-4));
    }

    @Test
    void twentyPointsDoubleTheOdds() {
        assertThat(scaling.score(1 / 51.0)).isCloseTo(600, within(1e-9));
        assertThat(scaling.score(1 / 101.0)).isCloseTo(620, within(1e-9));
        assertThat(scaling.score(1 / 26.0)).isCloseTo(580, within(1e-9));
        assertThat(scaling.probabilityBad(620)).isCloseTo(1 / 101.0, within(1e-12));
    }
}
