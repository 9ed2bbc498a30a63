package io.creditflow.law;

import io.creditflow.law.LetterDecision.Defect;
import io.creditflow.law.LetterDecision.Finding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FourteenDayLetterUnitTest {

    private static final LocalDate DUE = LocalDate.of(2025, 2, 28);
    private static final CostsRequest CLAIMS = CostsRequest.consumer(DUE.plusDays(1), new BigDecimal("2500.00"));
    private static final Instant MONDAY_MORNING = at("2025-03-03T09:00");  // Monday 3 March 2025
    private static final Instant FRIDAY_EVENING = at("2025-03-14T18:00");  // Friday 14 March 2025

    private final FourteenDayLetter letters = FourteenDayLetter.dutch();

    /*
     * E-mail on Monday 3 March: delivered the same day; the 14 days are 4..17 March; 17 March is a Monday, no
     * extension. Costs (2,500.00 -> 375.00) may be charged from Tuesday 18 March.
     */
    @Test
    void emailIsDeliveredTheSameDayAndTheTermRunsFourteenFullDaysAfter() {
        LetterFacts letter = LetterFacts.of(CLAIMS, DUE, MONDAY_MORNING, Channel.EMAIL, new BigDecimal("375.00"));

        LetterDecision running = letters.assess(letter, LocalDate.of(2025, 3, 17));
        assertThat(running.valid()).isTrue();
        assertThat(running.costsMayBeCharged()).isFalse();
        assertThat(running.costsChargeableFrom()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(running.reasons()).last().asString().contains("still running", "EUR 375.00", "2025-03-18");
        assertThat(running.evidence()).satisfies(evidence -> {
            assertThat(evidence.sentAt()).isEqualTo(MONDAY_MORNING);
            assertThat(evidence.channel()).isEqualTo(Channel.EMAIL);
            assertThat(evidence.sentOn()).isEqualTo(LocalDate.of(2025, 3, 3));
            assertThat(evidence.assumedDelivery()).isEqualTo(LocalDate.of(2025, 3, 3));
            assertThat(evidence.deliveryRule()).isEqualTo("delivered on the day of sending");
            assertThat(evidence.statutoryDeadline()).isEqualTo(LocalDate.of(2025, 3, 17));
            assertThat(evidence.deadline()).isEqualTo(LocalDate.of(2025, 3, 17));
        });

        LetterDecision expired = letters.assess(letter, LocalDate.of(2025, 3, 18));
        assertThat(expired.costsMayBeCharged()).isTrue();
        assertThat(expired.costs().costs()).isEqualByComparingTo("375.00");
        assertThat(expired.defects()).isEmpty();
    }

    /*
     * Post on Friday 14 March: delivered Saturday 15 March; 14 days end Saturday 29 March, which the Algemene
     * termijnenwet extends to Monday 31 March. Costs from Tuesday 1 April.
     */
    @Test
    void postIsDeliveredTheNextDeliveryDayAndATermEndingOnAWeekendRunsOn() {
        LetterDecision decision = letters.assess(
                LetterFacts.of(CLAIMS, DUE, FRIDAY_EVENING, Channel.POST, new BigDecimal("375.00")),
                LocalDate.of(2025, 3, 31));

        assertThat(decision.evidence().assumedDelivery()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(decision.evidence().deliveryRule()).contains("delivery day 1", "tuesday");
        assertThat(decision.evidence().statutoryDeadline()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(decision.costsMayBeCharged()).isFalse();
        assertThat(decision.costsChargeableFrom()).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void deadlineExtensionIsConfigurableAndSkipsHolidays() {
        // Delivered Monday 7 April 2025: the 14 days end on Easter Monday, extended to Tuesday 22 April.
        assertThat(letters.statutoryDeadline(LocalDate.of(2025, 4, 7))).isEqualTo(LocalDate.of(2025, 4, 22));
        // Delivered Tuesday 21 April 2026: they end on 5 May, a general holiday for terms every year.
        assertThat(letters.statutoryDeadline(LocalDate.of(2026, 4, 21))).isEqualTo(LocalDate.of(2026, 5, 6));

        LetterRules plain = new LetterRules(ZoneId.of("Europe/Amsterdam"), DeliveryRule.sameDay(),
                DeliveryRule.dutchPost(), 14, false, DutchHolidays.generalTermsAct());
        FourteenDayLetter unextended = new FourteenDayLetter(plain, CollectionCosts.dutch());
        assertThat(unextended.statutoryDeadline(LocalDate.of(2025, 3, 15))).isEqualTo(LocalDate.of(2025, 3, 29));
    }

    @Test
    void theDayOfSendingIsCountedInAmsterdam() {
        Instant lateFridayUtc = Instant.parse("2025-03-14T23:30:00Z"); // 00:30 on Saturday in Amsterdam
        assertThat(letters.assumedDelivery(lateFridayUtc, Channel.EMAIL)).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(letters.assumedDelivery(lateFridayUtc, Channel.POST)).isEqualTo(LocalDate.of(2025, 3, 18));
    }

    @Test
    void letterSentBeforeDefaultIsInvalid() {
        LetterDecision decision = letters.assess(LetterFacts.of(CLAIMS, LocalDate.of(2025, 3, 3), MONDAY_MORNING,
                Channel.EMAIL, new BigDecimal("375.00")), LocalDate.of(2025, 6, 1));
        assertThat(decision.valid()).isFalse();
        assertThat(decision.costsMayBeCharged()).isFalse();
        assertThat(decision.costsChargeableFrom()).isNull();
        assertThat(decision.defects()).extracting(Finding::defect).containsExactly(Defect.SENT_BEFORE_DEFAULT);
        assertThat(decision.reasons()).first().asString().contains("new, correct letter may be sent");
    }

    @Test
    void fourteenDaysFromTheLetterDateIsInvalidEvenByEmail() {
        LetterFacts base = LetterFacts.of(CLAIMS, DUE, MONDAY_MORNING, Channel.EMAIL, new BigDecimal("375.00"));
        LetterDecision fourteen = letters.assess(base.withStatedTerm(
                new StatedTerm.FromLetterDate(LocalDate.of(2025, 3, 3), 14)), LocalDate.of(2025, 6, 1));
        assertThat(fourteen.defects()).extracting(Finding::defect)
                .containsExactly(Defect.TERM_COUNTED_FROM_LETTER_DATE);

        LetterFacts posted = LetterFacts.of(CLAIMS, DUE, FRIDAY_EVENING, Channel.POST, new BigDecimal("375.00"));
        LetterDecision tooShort = letters.assess(posted.withStatedTerm(
                new StatedTerm.FromLetterDate(LocalDate.of(2025, 3, 14), 16)), LocalDate.of(2025, 6, 1));
        assertThat(tooShort.defects()).singleElement().satisfies(finding ->
                assertThat(finding.explanation()).contains("2025-03-30", "before 2025-03-31", "HR 2016:2704"));

        // 30 days from the letter date leaves more than the statutory term: valid, deadline as stated
        LetterDecision generous = letters.assess(posted.withStatedTerm(
                new StatedTerm.FromLetterDate(LocalDate.of(2025, 3, 14), 30)), LocalDate.of(2025, 4, 14));
        assertThat(generous.valid()).isTrue();
        assertThat(generous.evidence().deadline()).isEqualTo(LocalDate.of(2025, 4, 13));
        assertThat(generous.costsMayBeCharged()).isTrue();
    }

    @Test
    void statedTermsShorterThanTheLawAreInvalidLongerOnesMoveTheDeadline() {
        LetterFacts base = LetterFacts.of(CLAIMS, DUE, MONDAY_MORNING, Channel.EMAIL, new BigDecimal("375.00"));
        assertThat(letters.assess(base.withStatedTerm(new StatedTerm.FromDayAfterDelivery(10)), DUE).defects())
                .extracting(Finding::defect).containsExactly(Defect.TERM_TOO_SHORT);
        assertThat(letters.assess(base.withStatedTerm(new StatedTerm.UntilDate(LocalDate.of(2025, 3, 16))), DUE)
                .defects()).extracting(Finding::defect).containsExactly(Defect.TERM_TOO_SHORT);

        LetterDecision exact = letters.assess(base.withStatedTerm(new StatedTerm.UntilDate(LocalDate.of(2025, 3, 17))),
                LocalDate.of(2025, 3, 18));
        assertThat(exact.costsMayBeCharged()).isTrue();
        LetterDecision longer = letters.assess(base.withStatedTerm(new StatedTerm.FromDayAfterDelivery(21)),
                LocalDate.of(2025, 3, 24));
        assertThat(longer.evidence().deadline()).isEqualTo(LocalDate.of(2025, 3, 24));
        assertThat(longer.costsChargeableFrom()).isEqualTo(LocalDate.of(2025, 3, 25));
    }

    @Test
    void theLetterMustStateTheExactCostsOnTheSummedPrincipals() {
        CostsRequest twoClaims = CostsRequest.consumer(DUE.plusDays(1), new BigDecimal("2500"), new BigDecimal("2500"));
        LetterFacts letter = LetterFacts.of(twoClaims, DUE, MONDAY_MORNING, Channel.EMAIL, new BigDecimal("625.00"));
        assertThat(letters.assess(letter, LocalDate.of(2025, 3, 18)).valid()).isTrue();

        LetterDecision perClaim = letters.assess(letter.withStatedCosts(new BigDecimal("750.00")), DUE);
        assertThat(perClaim.defects()).singleElement().satisfies(finding -> {
            assertThat(finding.defect()).isEqualTo(Defect.COSTS_WRONG);
            assertThat(finding.explanation()).contains("EUR 750.00", "EUR 5000.00", "EUR 625.00");
        });
        assertThat(letters.assess(letter.withStatedCosts(null), DUE).defects()).extracting(Finding::defect)
                .containsExactly(Defect.COSTS_NOT_STATED);
    }

    @Test
    void vatMayOnlyBeStatedWithTheDeclaration() {
        VatUplift undeclared = new VatUplift(true, true, false, VatUplift.DUTCH_STANDARD_VAT_PERCENT);
        LetterFacts withVat = LetterFacts.of(CLAIMS.withVatUplift(undeclared), DUE, MONDAY_MORNING, Channel.EMAIL,
                new BigDecimal("453.75"));
        assertThat(letters.assess(withVat, DUE).defects()).extracting(Finding::defect)
                .containsExactly(Defect.VAT_DECLARATION_MISSING);

        LetterFacts declared = LetterFacts.of(CLAIMS.withVatUplift(VatUplift.claimedAtDutchStandardRate()), DUE,
                MONDAY_MORNING, Channel.EMAIL, new BigDecimal("453.75"));
        LetterDecision decision = letters.assess(declared, LocalDate.of(2025, 3, 18));
        assertThat(decision.valid()).isTrue();
        assertThat(decision.costs().vat()).isEqualByComparingTo("78.75");
    }

    @Test
    void theLetterMustBeFreeAndEveryDefectIsReported() {
        LetterFacts letter = LetterFacts.of(CLAIMS, DUE, MONDAY_MORNING, Channel.EMAIL, new BigDecimal("1.00"))
                .withFeeCharged(new BigDecimal("2.50"))
                .withStatedTerm(new StatedTerm.FromDayAfterDelivery(7));
        assertThat(letters.assess(letter, DUE).defects()).extracting(Finding::defect)
                .containsExactly(Defect.TERM_TOO_SHORT, Defect.COSTS_WRONG, Defect.NOT_FREE_OF_CHARGE);
    }

    @Test
    void businessesNeedNoLetter() {
        CostsRequest business = CostsRequest.business(DUE.plusDays(1), new BigDecimal("2500"));
        LetterFacts letter = LetterFacts.of(business, DUE, MONDAY_MORNING, Channel.EMAIL, null);
        LetterDecision onDueDate = letters.assess(letter, DUE);
        assertThat(onDueDate.letterRequired()).isFalse();
        assertThat(onDueDate.costsMayBeCharged()).isFalse();
        LetterDecision dayAfter = letters.assess(letter, DUE.plusDays(1));
        assertThat(dayAfter.costsMayBeCharged()).isTrue();
        assertThat(dayAfter.costsChargeableFrom()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(dayAfter.reasons()).singleElement().asString().contains("EUR 40.00", "EUR 375.00");
    }

    @Test
    void safeWordingInFourLanguages() {
        assertThat(FourteenDayLetter.safeTermSentence(LetterLanguage.NL))
                .isEqualTo("binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd");
        assertThat(FourteenDayLetter.safeTermSentence(LetterLanguage.EN))
                .isEqualTo("within fourteen days from the day after this letter has been delivered to you");
        assertThat(FourteenDayLetter.safeTermSentence(LetterLanguage.DE)).contains("vierzehn Tagen", "Zustellung");
        assertThat(FourteenDayLetter.safeTermSentence(LetterLanguage.FR)).contains("quatorze jours", "lendemain");
        assertThat(StatedTerm.safeWording()).isEqualTo(new StatedTerm.FromDayAfterDelivery(14));
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> LetterFacts.of(CLAIMS, DUE, null, Channel.EMAIL, null))
                .withMessage("sentAt: is required");
        assertThatIllegalArgumentException().isThrownBy(() -> LetterFacts.of(CLAIMS, DUE, MONDAY_MORNING,
                Channel.POST, new BigDecimal("-1"))).withMessageStartingWith("statedCosts: must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new StatedTerm.FromDayAfterDelivery(-1))
                .withMessageStartingWith("days: must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new LetterRules(ZoneId.of("Europe/Amsterdam"),
                        DeliveryRule.sameDay(), DeliveryRule.dutchPost(), 10, true, DutchHolidays.generalTermsAct()))
                .withMessage("termDays: the law requires at least 14, was 10");
        assertThatIllegalArgumentException().isThrownBy(() -> letters.assess(
                        LetterFacts.of(CLAIMS, DUE, MONDAY_MORNING, Channel.EMAIL, BigDecimal.ONE), null))
                .withMessage("on: is required");
    }

    private static Instant at(String amsterdamLocal) {
        return java.time.LocalDateTime.parse(amsterdamLocal).atZone(ZoneId.of("Europe/Amsterdam")).toInstant();
    }
}
