package io.creditflow.law;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InterestRateTableUnitTest {

    private static final String HEADER = "effective_from,kind,percent,uncertain,note\n";

    @Test
    void shipsTheDomainTableWithTheUncertainConsumerRow() {
        InterestRateTable table = InterestRateTable.dutch();

        assertThat(table.rows(InterestKind.CONSUMER)).hasSize(16);
        assertThat(table.rows(InterestKind.COMMERCIAL)).hasSize(16);
        InterestRate july2025 = table.rateOn("date", InterestKind.CONSUMER, LocalDate.of(2025, 7, 1));
        assertThat(july2025.percent()).isEqualByComparingTo("6.00");
        assertThat(july2025.uncertain()).isTrue();
        assertThat(july2025.note()).contains("UNCERTAIN");
        assertThat(table.rows()).filteredOn(InterestRate::uncertain).containsExactly(july2025);
    }

    @Test
    void looksUpTheRateInForceOnADate() {
        InterestRateTable table = InterestRateTable.dutch();
        assertThat(table.rateOn("d", InterestKind.COMMERCIAL, LocalDate.of(2013, 3, 15)).percent())
                .isEqualByComparingTo("7.75");
        assertThat(table.rateOn("d", InterestKind.COMMERCIAL, LocalDate.of(2013, 3, 16)).percent())
                .isEqualByComparingTo("8.75");
        assertThat(table.rateOn("d", InterestKind.COMMERCIAL, LocalDate.of(2022, 12, 31)).percent())
                .isEqualByComparingTo("8.00");
        assertThat(table.rateOn("d", InterestKind.CONSUMER, LocalDate.of(2040, 1, 1)).percent())
                .isEqualByComparingTo("4.00");
    }

    @Test
    void onlyRealChangesSplit() {
        InterestRateTable table = InterestRateTable.dutch();
        assertThat(table.changesBetween(InterestKind.CONSUMER, LocalDate.of(2023, 6, 1), LocalDate.of(2026, 6, 1)))
                .containsExactly(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 1, 1));
        assertThat(table.uncertainDuring(InterestKind.CONSUMER, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1)))
                .isFalse();
        assertThat(table.uncertainDuring(InterestKind.CONSUMER, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 2)))
                .isTrue();
        assertThat(table.uncertainDuring(InterestKind.CONSUMER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 2)))
                .isFalse();
    }

    @Test
    void anOperatorTableReplacesTheShippedOne() {
        InterestRateTable table = InterestRateTable.fromCsv("# corrected by an operator\n" + HEADER
                + "2025-01-01,CONSUMER,6.00,false,\n2025-07-01,CONSUMER,5.50,false,confirmed, Stcrt. 2025\n");
        assertThat(table.rows(InterestKind.CONSUMER).getLast().note()).isEqualTo("confirmed, Stcrt. 2025");
        InterestCalculation result = new StatutoryInterest(table).calculate(InterestRequest.of(
                new BigDecimal("1000"), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 1), InterestKind.CONSUMER));
        assertThat(result.periods()).extracting(p -> p.ratePercent().toPlainString()).containsExactly("6.00", "5.50");
        assertThatIllegalArgumentException().isThrownBy(() -> new StatutoryInterest(table).calculate(
                        InterestRequest.of(BigDecimal.ONE, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 1),
                                InterestKind.COMMERCIAL)))
                .withMessage("from: no COMMERCIAL interest rate is known for 2025-06-01");
    }

    @Test
    void rejectsMalformedTablesNamingTheLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv("from,kind\n"))
                .withMessageStartingWith("line 1: expected the header");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv("# only a comment\n"))
                .withMessageStartingWith("csv: no header");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv(HEADER
                        + "2025-13-01,CONSUMER,6,false,"))
                .withMessageStartingWith("line 2, effective_from: not a date");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv(HEADER
                        + "\n2025-01-01,CIVIL,6,false,"))
                .withMessage("line 3, kind: must be CONSUMER or COMMERCIAL, was 'CIVIL'");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv(HEADER
                        + "2025-01-01,CONSUMER,six,false,"))
                .withMessage("line 2, percent: not a number: 'six'");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv(HEADER
                        + "2025-01-01,CONSUMER,-1,false,"))
                .withMessageStartingWith("line 2, percent: must be between 0 and 100");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv(HEADER
                        + "2025-01-01,CONSUMER,6,maybe,"))
                .withMessageStartingWith("line 2, uncertain: must be true or false");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv(HEADER
                        + "2025-01-01,CONSUMER,6"))
                .withMessageStartingWith("line 2: expected");
        assertThatIllegalArgumentException().isThrownBy(() -> InterestRateTable.fromCsv(HEADER
                        + "2025-01-01,CONSUMER,6,false,\n2025-01-01,CONSUMER,7,false,"))
                .withMessage("rows: two CONSUMER rates from 2025-01-01");
    }
}
