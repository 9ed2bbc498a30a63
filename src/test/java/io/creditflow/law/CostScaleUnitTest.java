package io.creditflow.law;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CostScaleUnitTest {

    private static final LocalDate DATE = LocalDate.of(2030, 1, 1);

    @Test
    void theBikScaleReachesItsMaximumAtOneMillion() {
        CostScale bik = CostScale.BIK_2012;
        BigDecimal atMillion = bik.lines(new BigDecimal("1000000.00")).stream()
                .map(CostScale.BracketLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(atMillion).isEqualByComparingTo(bik.maximum());
    }

    @Test
    void aNewerVersionAppliesFromItsEffectiveDate() {
        CostScale newer = new CostScale("future", DATE, List.of(
                new CostScale.Bracket(BigDecimal.ZERO, null, new BigDecimal("20"))), new BigDecimal("50"),
                new BigDecimal("5000"));
        CostScales scales = new CostScales(List.of(newer, CostScale.BIK_2012));

        assertThat(scales.scaleOn("date", DATE.minusDays(1))).isSameAs(CostScale.BIK_2012);
        assertThat(scales.scaleOn("date", DATE)).isSameAs(newer);
        CostsCalculation result = new CollectionCosts(scales, RecurringClaimsCap.DUTCH_2024)
                .calculate(CostsRequest.consumer(DATE, new BigDecimal("1000")));
        assertThat(result.scaleVersion()).isEqualTo("future");
        assertThat(result.costs()).isEqualByComparingTo("200.00");
    }

    @Test
    void rejectsBracketsThatAreNotAContiguousTable() {
        BigDecimal rate = BigDecimal.ONE;
        assertThatIllegalArgumentException().isThrownBy(() -> scale(
                        new CostScale.Bracket(BigDecimal.ZERO, new BigDecimal("100"), rate),
                        new CostScale.Bracket(new BigDecimal("200"), null, rate)))
                .withMessageStartingWith("brackets[1].lowerBound: must be 100.00");
        assertThatIllegalArgumentException().isThrownBy(() -> scale(
                        new CostScale.Bracket(BigDecimal.ZERO, null, rate),
                        new CostScale.Bracket(new BigDecimal("200"), null, rate)))
                .withMessageStartingWith("brackets[0].upperBound: only the last bracket is open-ended");
        assertThatIllegalArgumentException().isThrownBy(() -> scale())
                .withMessageStartingWith("brackets: at least one");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CostScale.Bracket(new BigDecimal("5"), new BigDecimal("5"), rate))
                .withMessageStartingWith("upperBound: must be above");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CostScales(List.of(CostScale.BIK_2012, CostScale.BIK_2012)))
                .withMessageStartingWith("versions: two scales take effect on 2012-07-01");
    }

    private static CostScale scale(CostScale.Bracket... brackets) {
        return new CostScale("test", DATE, List.of(brackets), new BigDecimal("40"), new BigDecimal("100"));
    }
}
