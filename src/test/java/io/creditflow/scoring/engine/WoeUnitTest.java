package io.creditflow.scoring.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WoeUnitTest {

    /**
     * Two bins, 100 goods and 50 bads: bin A 80 goods 20 bads, bin B 20 goods 30 bads. With half a case added to
     * each count: WoE_A = ln((20.5/50.5) / (80.5/100.5)) = -0.679648, WoE_B = ln((30.5/50.5) / (20.5/100.5)) =
     * 1.085486; IV = (0.4 - 0.8) · WoE_A + (0.6 - 0.2) · WoE_B = 0.706054.
     */
    @Test
    void woeAndInformationValueByHand() {
        double woeA = Woe.woe(80, 20, 100, 50);
        double woeB = Woe.woe(20, 30, 100, 50);
        assertThat(woeA).isCloseTo(-0.679648, within(1e-6));
        assertThat(woeB).isCloseTo(1.085486, within(1e-6));
        double iv = Woe.informationValue(List.of(new Bin("A", 80, 20, woeA), new Bin("B", 20, 30, woeB)));
        assertThat(iv).isCloseTo(0.706054, within(1e-6));
        assertThat(Woe.strength(iv)).isEqualTo("suspicious");
    }

    @Test
    void emptyBinHasAFiniteWoe() {
        assertThat(Woe.woe(0, 10, 100, 50)).isFinite().isPositive();
        assertThat(Woe.woe(10, 0, 100, 50)).isFinite().isNegative();
    }

    @Test
    void strengthFollowsTheRuleOfThumb() {
        assertThat(Woe.strength(0.01)).isEqualTo("useless");
        assertThat(Woe.strength(0.05)).isEqualTo("weak");
        assertThat(Woe.strength(0.2)).isEqualTo("medium");
        assertThat(Woe.strength(0.4)).isEqualTo("strong");
    }
}
