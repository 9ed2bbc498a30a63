package io.creditflow.scoring.valuation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryValuationUnitTest {

    private final RecoveryValuation valuation = new RecoveryValuation(0.10);

    private static OpenReceivable receivable(String segment, String amount, int daysPastDue, double probability,
                                             int days) {
        return new OpenReceivable(segment, new BigDecimal(amount), daysPastDue, probability, days);
    }

    /** 1000.00 × 0.8 / 1.1 = 727.27; nothing to discount: 800.00; 182 days: 800 / 1.1^(182/365) = 762.87. */
    @ParameterizedTest
    @CsvSource({"365, 727.27", "0, 800.00", "182, 762.87"})
    void expectedRecoveryIsAmountTimesProbabilityDiscounted(int days, String expected) {
        BigDecimal recovery = valuation.expectedRecovery(receivable("retail", "1000.00", 10, 0.8, days));
        assertThat(recovery).isEqualByComparingTo(expected);
        assertThat(recovery.scale()).isEqualTo(2);
    }

    @Test
    void totalsBySegmentAndAgeBucket() {
        List<RecoveryValuation.Line> lines = valuation.bySegmentAndAge(List.of(
                receivable("wholesale", "500.00", 0, 1.0, 0),
                receivable("retail", "100.00", 45, 0.5, 0),
                receivable("retail", "300.00", 50, 0.5, 0),
                receivable("retail", "200.00", 200, 0.1, 0)));
        assertThat(lines).extracting(RecoveryValuation.Line::segment, RecoveryValuation.Line::age)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("retail", RecoveryValuation.AgeBucket.DAYS_31_60),
                        org.assertj.core.groups.Tuple.tuple("retail", RecoveryValuation.AgeBucket.OVER_180),
                        org.assertj.core.groups.Tuple.tuple("wholesale", RecoveryValuation.AgeBucket.CURRENT));
        RecoveryValuation.Line middle = lines.getFirst();
        assertThat(middle.receivables()).isEqualTo(2);
        assertThat(middle.open()).isEqualByComparingTo("400.00");
        assertThat(middle.expectedRecovery()).isEqualByComparingTo("200.00");
        assertThat(middle.recoveryRate()).isEqualByComparingTo("0.5");
    }

    @Test
    void ageBucketsFollowDaysPastDue() {
        assertThat(RecoveryValuation.AgeBucket.of(0)).isEqualTo(RecoveryValuation.AgeBucket.CURRENT);
        assertThat(RecoveryValuation.AgeBucket.of(30)).isEqualTo(RecoveryValuation.AgeBucket.DAYS_1_30);
        assertThat(RecoveryValuation.AgeBucket.of(31)).isEqualTo(RecoveryValuation.AgeBucket.DAYS_31_60);
        assertThat(RecoveryValuation.AgeBucket.of(181)).isEqualTo(RecoveryValuation.AgeBucket.OVER_180);
    }

    @Test
    void theWorklistPutsTheLargestExpectedRecoveryFirst() {
        OpenReceivable big = receivable("a", "10000.00", 90, 0.2, 30);
        OpenReceivable likely = receivable("a", "3000.00", 5, 0.95, 10);
        OpenReceivable small = receivable("a", "100.00", 5, 0.99, 10);
        assertThat(valuation.worklist(List.of(small, big, likely))).containsExactly(likely, big, small);
    }

    @Test
    void rejectsImpossibleInput() {
        assertThatThrownBy(() -> receivable("a", "-1.00", 0, 0.5, 0)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> receivable("a", "1.00", 0, 1.5, 0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new RecoveryValuation(-1)).hasMessageContaining("above -100 %");
    }
}
