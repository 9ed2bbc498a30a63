package io.creditflow.law;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class CollectionCostsUnitTest {

    private static final LocalDate IN_DEFAULT = LocalDate.of(2025, 3, 1);

    private final CollectionCosts costs = CollectionCosts.dutch();

    // The test vectors of the domain file (nl-collection-law.md, section 1), for both debtor types.
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "100, 40.00", "266.67, 40.00", "267, 40.05", "1000, 150.00", "2500, 375.00", "5000, 625.00",
            "10000, 875.00", "200000, 2775.00", "1000000, 6775.00", "1100000, 6775.00"})
    void domainVectors(String principal, String expected) {
        assertThat(costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal(principal))).costs())
                .isEqualByComparingTo(expected).hasScaleOf(2);
        assertThat(costs.calculate(CostsRequest.business(IN_DEFAULT, new BigDecimal(principal))).costs())
                .isEqualByComparingTo(expected);
    }

    // Rounding happens once, half-up, on the sum of the exact bracket lines.
    @ParameterizedTest(name = "{0} -> scale {1}, costs {2}")
    @CsvSource({
            "266.63, 39.99, 40.00",    // 15 % = 39.9945 -> 39.99, then the minimum
            "266.66, 40.00, 40.00",    // 39.999 -> 40.00, no minimum needed
            "2500.05, 375.01, 375.01", // 375 + 10 % of 0.05 = 375.005 -> 375.01 (half-up)
            "200000.01, 2775.00, 2775.00", // 2775 + 0.5 % of 0.01 = 2775.00005 -> 2775.00
            "999999.99, 6775.00, 6775.00"}) // 6775 - 0.5 % of 0.01 = 6774.99995 -> 6775.00
    void roundsTheSumHalfUpOnce(String principal, String scaleAmount, String expected) {
        CostsCalculation result = costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal(principal)));
        assertThat(result.scaleAmount()).isEqualByComparingTo(scaleAmount);
        assertThat(result.costs()).isEqualByComparingTo(expected);
    }

    @Test
    void explainsEachBracket() {
        CostsCalculation result = costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal("10000")));

        assertThat(result.scaleVersion()).isEqualTo("BIK 2012");
        assertThat(result.lines()).extracting(line -> line.bracket().percent().toPlainString(),
                        line -> line.portion().toPlainString(), line -> line.amount().stripTrailingZeros().toPlainString())
                .containsExactly(
                        tuple("15", "2500.00", "375"),
                        tuple("10", "2500.00", "250"),
                        tuple("5", "5000.00", "250"));
        assertThat(result.adjustments()).isEmpty();
        assertThat(result.vat()).isZero();
    }

    @Test
    void reportsMinimumAndMaximum() {
        CostsCalculation small = costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal("100")));
        assertThat(small.scaleAmount()).isEqualByComparingTo("15.00");
        assertThat(small.adjustments()).singleElement()
                .satisfies(step -> assertThat(step.kind()).isEqualTo(CostsCalculation.Kind.MINIMUM))
                .satisfies(step -> assertThat(step.after()).isEqualByComparingTo("40.00"));

        CostsCalculation large = costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal("1100000")));
        assertThat(large.scaleAmount()).isEqualByComparingTo("7275.00"); // 6775 + 0.5 % of 100,000
        assertThat(large.adjustments()).extracting(CostsCalculation.Adjustment::kind)
                .containsExactly(CostsCalculation.Kind.MAXIMUM);
    }

    // Art. 6:96 lid 7: one letter for all claims, principals summed before the scale.
    @Test
    void sumsThePrincipalsOfOneDebtor() {
        CostsCalculation three = costs.calculate(CostsRequest.consumer(IN_DEFAULT,
                new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("100")));
        assertThat(three.principal()).isEqualByComparingTo("300.00");
        assertThat(three.costs()).isEqualByComparingTo("45.00"); // not 3 x 40.00

        CostsCalculation two = costs.calculate(CostsRequest.consumer(IN_DEFAULT,
                new BigDecimal("5000"), new BigDecimal("5000")));
        assertThat(two.costs()).isEqualByComparingTo("875.00"); // not 2 x 625.00
    }

    @ParameterizedTest(name = "{0} -> {1} + VAT {2}")
    @CsvSource({"100, 40.00, 8.40", "2500, 375.00, 78.75", "1000000, 6775.00, 1422.75", "267, 40.05, 8.41"})
    void addsVatWhenAllThreeConditionsHoldIncludingOnTheMinimum(String principal, String excl, String vat) {
        CostsCalculation result = costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal(principal))
                .withVatUplift(VatUplift.claimedAtDutchStandardRate()));

        assertThat(result.costsExcludingVat()).isEqualByComparingTo(excl);
        assertThat(result.vat()).isEqualByComparingTo(vat);
        assertThat(result.costs()).isEqualByComparingTo(new BigDecimal(excl).add(new BigDecimal(vat)));
        assertThat(result.vatUpliftApplied()).isTrue();
        assertThat(result.adjustments()).last().extracting(CostsCalculation.Adjustment::kind)
                .isEqualTo(CostsCalculation.Kind.VAT_UPLIFT);
    }

    @Test
    void noVatWhenAnyConditionFailsAndSaysWhich() {
        VatUplift deductible = new VatUplift(true, false, true, VatUplift.DUTCH_STANDARD_VAT_PERCENT);
        VatUplift undeclared = new VatUplift(true, true, false, VatUplift.DUTCH_STANDARD_VAT_PERCENT);
        VatUplift inHouse = new VatUplift(false, true, true, VatUplift.DUTCH_STANDARD_VAT_PERCENT);

        for (VatUplift uplift : List.of(deductible, undeclared, inHouse)) {
            CostsCalculation result = costs.calculate(
                    CostsRequest.consumer(IN_DEFAULT, new BigDecimal("2500")).withVatUplift(uplift));
            assertThat(result.costs()).isEqualByComparingTo("375.00");
            assertThat(result.vatUpliftApplied()).isFalse();
            assertThat(result.notes()).anyMatch(note -> note.startsWith("VAT uplift not applied"));
        }
        assertThat(costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal("1")).withVatUplift(undeclared))
                .notes()).anyMatch(note -> note.contains("the letter does not declare the VAT"));
    }

    @Test
    void vatRateIsData() {
        VatUplift nine = new VatUplift(true, true, true, new BigDecimal("9"));
        assertThat(costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal("100")).withVatUplift(nine))
                .costs()).isEqualByComparingTo("43.60");
    }

    @Test
    void consumersNeedTheLetterBusinessesOweTheMinimumFromTheDayAfterTheDueDate() {
        CostsCalculation consumer = costs.calculate(CostsRequest.consumer(IN_DEFAULT, new BigDecimal("2500")));
        assertThat(consumer.requiresFourteenDayLetter()).isTrue();
        assertThat(consumer.owedWithoutReminderFrom()).isNull();
        assertThat(consumer.owedWithoutReminder()).isZero();

        CostsCalculation business = costs.calculate(CostsRequest.business(IN_DEFAULT, new BigDecimal("2500")));
        assertThat(business.requiresFourteenDayLetter()).isFalse();
        assertThat(business.owedWithoutReminderFrom()).isEqualTo(IN_DEFAULT);
        assertThat(business.owedWithoutReminder()).isEqualByComparingTo("40.00");
        assertThat(business.costs()).isEqualByComparingTo("375.00");
    }

    @Test
    void businessesMayAgreeAPercentageButNeverBelowTheStatutoryMinimum() {
        CostsCalculation agreed = costs.calculate(CostsRequest.business(IN_DEFAULT, new BigDecimal("10000"))
                .withContractualPercent(new BigDecimal("15")));
        assertThat(agreed.costs()).isEqualByComparingTo("1500.00");
        assertThat(agreed.adjustments()).extracting(CostsCalculation.Adjustment::kind)
                .containsExactly(CostsCalculation.Kind.CONTRACTUAL_PERCENTAGE);
        assertThat(agreed.notes()).anyMatch(note -> note.contains("reduce") && note.contains("EUR 875.00"));

        CostsCalculation tiny = costs.calculate(CostsRequest.business(IN_DEFAULT, new BigDecimal("1000"))
                .withContractualPercent(new BigDecimal("1")));
        assertThat(tiny.costs()).isEqualByComparingTo("40.00"); // 1 % = 10.00, raised to 40.00

        CostsCalculation rounded = costs.calculate(CostsRequest.business(IN_DEFAULT, new BigDecimal("1234.57"))
                .withContractualPercent(new BigDecimal("12.5")));
        assertThat(rounded.costs()).isEqualByComparingTo("154.32"); // 154.32125 -> 154.32
    }

    @Test
    void capsRecurringConsumerTermsPerWindow() {
        LocalDate afterCap = LocalDate.of(2024, 10, 1);
        CostsRequest term = CostsRequest.consumer(afterCap, new BigDecimal("50.00"));

        assertThat(costs.calculate(term.withRecurringTerms(RecurringTerms.firstInWindow())).costs())
                .isEqualByComparingTo("40.00");
        CostsCalculation fourth = costs.calculate(term.withRecurringTerms(new RecurringTerms(new BigDecimal("120"))));
        assertThat(fourth.costs()).isEqualByComparingTo("20.00");
        assertThat(fourth.adjustments()).extracting(CostsCalculation.Adjustment::kind)
                .containsExactly(CostsCalculation.Kind.MINIMUM, CostsCalculation.Kind.RECURRING_CLAIMS_CAP);
        assertThat(fourth.adjustments().get(1).explanation()).contains("2024-04-01", "UNCERTAIN");
        assertThat(costs.calculate(term.withRecurringTerms(new RecurringTerms(new BigDecimal("140")))).costs())
                .isZero();
        // the VAT uplift comes on top of the capped compensation: 20.00 + 21 % = 24.20
        assertThat(costs.calculate(term.withRecurringTerms(new RecurringTerms(new BigDecimal("120")))
                .withVatUplift(VatUplift.claimedAtDutchStandardRate())).costs()).isEqualByComparingTo("24.20");
    }

    @Test
    void recurringCapDoesNotApplyBeforeItsDateAboveTheThresholdOrToBusinesses() {
        RecurringTerms charged = new RecurringTerms(new BigDecimal("140"));
        List<CostsRequest> uncapped = List.of(
                CostsRequest.consumer(LocalDate.of(2024, 9, 30), new BigDecimal("50")).withRecurringTerms(charged),
                CostsRequest.consumer(IN_DEFAULT, new BigDecimal("266.67")).withRecurringTerms(charged),
                CostsRequest.consumer(IN_DEFAULT, new BigDecimal("50"), new BigDecimal("300")).withRecurringTerms(charged),
                CostsRequest.business(IN_DEFAULT, new BigDecimal("50")).withRecurringTerms(charged));
        for (CostsRequest request : uncapped) {
            CostsCalculation result = costs.calculate(request);
            assertThat(result.costs()).as(request.toString()).isGreaterThanOrEqualTo(new BigDecimal("40.00"));
            assertThat(result.notes()).anyMatch(note -> note.startsWith("recurring-claims cap not applied"));
        }
    }

    @Test
    void capIsAConfigurableRule() {
        RecurringClaimsCap strict = new RecurringClaimsCap(LocalDate.of(2024, 10, 1), new BigDecimal("500"),
                new BigDecimal("60"), java.time.Period.ofMonths(12), true, false);
        CollectionCosts custom = new CollectionCosts(CostScales.dutch(), strict);
        CostsCalculation result = custom.calculate(CostsRequest.business(IN_DEFAULT, new BigDecimal("400"))
                .withRecurringTerms(new RecurringTerms(new BigDecimal("10"))));
        assertThat(result.costs()).isEqualByComparingTo("50.00"); // scale 60.00, room 60 - 10
        assertThat(strict.windowStart(IN_DEFAULT)).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CostsRequest.consumer(IN_DEFAULT, new BigDecimal("10"), new BigDecimal("-1")))
                .withMessageStartingWith("principals[1]: must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CostsRequest.consumer(IN_DEFAULT, new BigDecimal("10.001")))
                .withMessageStartingWith("principals[0]: must have at most 2 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> CostsRequest.consumer(IN_DEFAULT))
                .withMessageStartingWith("principals: at least one");
        assertThatIllegalArgumentException().isThrownBy(() -> request("XYZ"))
                .withMessage("currency: unknown ISO 4217 currency code 'XYZ'");
        assertThatIllegalArgumentException().isThrownBy(() -> request("USD"))
                .withMessageStartingWith("currency: the statutory collection costs are set in EUR");
        assertThatIllegalArgumentException().isThrownBy(() -> CostsRequest.consumer(IN_DEFAULT, new BigDecimal("1"))
                        .withContractualPercent(new BigDecimal("10")))
                .withMessageStartingWith("contractualPercent: not allowed for consumers");
        assertThatIllegalArgumentException().isThrownBy(() -> CostsRequest.business(IN_DEFAULT, new BigDecimal("1"))
                        .withContractualPercent(new BigDecimal("101")))
                .withMessageStartingWith("contractualPercent: must be between 0 and 100");
        assertThatIllegalArgumentException().isThrownBy(() -> costs.calculate(
                        CostsRequest.consumer(LocalDate.of(2012, 6, 30), new BigDecimal("1"))))
                .withMessageStartingWith("inDefaultSince: no collection-cost scale in force on 2012-06-30");
        assertThatIllegalArgumentException().isThrownBy(() -> new CostsRequest(List.of(BigDecimal.ONE), "EUR",
                        null, IN_DEFAULT, VatUplift.none(), null, null))
                .withMessage("debtorType: is required");
    }

    private static CostsRequest request(String currency) {
        return new CostsRequest(List.of(BigDecimal.TEN), currency, DebtorType.CONSUMER, IN_DEFAULT, VatUplift.none(),
                null, null);
    }
}
