package io.creditflow.acceptance.policy;

import io.creditflow.acceptance.ApplicantScorer;
import io.creditflow.acceptance.CheckCondition;
import io.creditflow.acceptance.Decision;
import io.creditflow.acceptance.SignalNames;
import io.creditflow.acceptance.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The default policy's decisions and reasons on hand-made signals. */
class PolicyEvaluatorUnitTest {

    static final PolicyDocument POLICY = load();
    static final ApplicantScorer SCORER = new PolicyScorecard(POLICY.scorecard(), 1);

    static PolicyDocument load() {
        try (InputStream in = PolicyEvaluatorUnitTest.class.getResourceAsStream("/acceptance/default-policy.json")) {
            return JsonMapper.builder().build().readValue(in, PolicyDocument.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new consumer of 40 with clean details and a mobile number, ordering 100 euro. */
    static Map<String, Object> newConsumer() {
        Map<String, Object> s = new HashMap<>();
        s.put(SignalNames.APPLICANT_TYPE, "CONSUMER");
        s.put(SignalNames.APPLICANT_AGE, 40);
        s.put(SignalNames.EMAIL_DISPOSABLE, false);
        s.put(SignalNames.PHONE_TYPE, "MOBILE");
        s.put(SignalNames.ORDER_AMOUNT, new BigDecimal("100.00"));
        s.put(SignalNames.ORDER_PAY_LATER, true);
        s.put(SignalNames.EXPOSURE_OUTSTANDING, BigDecimal.ZERO);
        s.put(SignalNames.EXPOSURE_OPEN_ORDERS, BigDecimal.ZERO);
        s.put(SignalNames.CHECKS_1H, 0);
        s.put(SignalNames.CHECKS_24H, 0);
        s.put("velocity.maxSharedWith", 0);
        return s;
    }

    static Evaluation evaluate(Map<String, Object> signals) {
        return PolicyEvaluator.evaluate(POLICY, Signals.of(signals), SCORER);
    }

    @Test
    void aNewConsumerIsAcceptedOnTheNewCustomerLimitWithTheScoreFromTheCard() {
        Evaluation e = evaluate(newConsumer());
        // 300 base + 30 no history + 50 no overdue history + 10 tenure unknown + 40 utilisation 0.2 + 25 e-mail
        // + 15 mobile + 30 velocity + 30 not shared + 30 no bureau file + 30 age 40
        assertThat(e.score()).isEqualTo(590);
        assertThat(e.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(e.riskBand()).isEqualTo("C");
        assertThat(e.limit()).isEqualByComparingTo("500.00");
        assertThat(e.limitSource()).isEqualTo("NEW_CUSTOMER");
        assertThat(e.available()).isEqualByComparingTo("500.00");
        assertThat(e.reasons().getFirst().code()).isEqualTo("ACCEPTED");
        assertThat(e.rulesFired()).isEmpty();
    }

    @Test
    void theBehaviourLimitIsTheSumPaidWithin60DaysCappedAndLessWhatIsOutstandingOrOrdered() {
        Map<String, Object> s = newConsumer();
        s.put(SignalNames.HISTORY_PAID_WITHIN_60, new BigDecimal("1800.00"));
        s.put(SignalNames.EXPOSURE_OUTSTANDING, new BigDecimal("250.00"));
        s.put(SignalNames.EXPOSURE_OPEN_ORDERS, new BigDecimal("150.00"));
        Evaluation e = evaluate(s);
        assertThat(e.limitSource()).isEqualTo("BEHAVIOUR");
        assertThat(e.limit()).isEqualByComparingTo("1800.00");
        assertThat(e.available()).isEqualByComparingTo("1400.00");
        s.put(SignalNames.HISTORY_PAID_WITHIN_60, new BigDecimal("9000.00"));
        assertThat(evaluate(s).limit()).isEqualByComparingTo("2500.00");
        s.put(SignalNames.HISTORY_PAID_WITHIN_60, new BigDecimal("40.00"));
        assertThat(evaluate(s).limit()).isEqualByComparingTo("250.00");
        s.put(SignalNames.LIMIT_MANUAL, new BigDecimal("7000.00"));
        assertThat(evaluate(s).limit()).isEqualByComparingTo("7000.00");
        assertThat(evaluate(s).limitSource()).isEqualTo("MANUAL");
    }

    @Test
    void anOrderOverTheAvailableLimitIsRejectedWithTheAmountThatCanStillBeAccepted() {
        Map<String, Object> s = newConsumer();
        s.put(SignalNames.EXPOSURE_OPEN_ORDERS, new BigDecimal("380.00"));
        s.put(SignalNames.ORDER_AMOUNT, new BigDecimal("200.00"));
        Evaluation e = evaluate(s);
        assertThat(e.decision()).isEqualTo(Decision.REJECT);
        assertThat(e.reasons()).extracting(Evaluation.ReasonCode::code).contains("LIMIT_EXCEEDED");
        assertThat(e.conditions()).contains(CheckCondition.acceptUpTo(new BigDecimal("120.00")),
                CheckCondition.prepaymentRequired());
        s.put(SignalNames.EXPOSURE_OPEN_ORDERS, new BigDecimal("490.00"));
        assertThat(evaluate(s).conditions()).containsExactly(CheckCondition.prepaymentRequired());
    }

    @Test
    void knockOutsDecideAtLeastTheirOutcomeAndTheMostSevereWins() {
        Map<String, Object> s = newConsumer();
        s.put(SignalNames.EMAIL_DISPOSABLE, true);
        Evaluation refer = evaluate(s);
        assertThat(refer.decision()).isEqualTo(Decision.REFER);
        assertThat(refer.reasons()).extracting(Evaluation.ReasonCode::code).containsSubsequence("REFERRED",
                "KO_DISPOSABLE_EMAIL");
        s.put(SignalNames.INSOLVENT, true);
        Evaluation reject = evaluate(s);
        assertThat(reject.decision()).isEqualTo(Decision.REJECT);
        assertThat(reject.rulesFired()).extracting(Evaluation.FiredRule::code)
                .contains("KO_DISPOSABLE_EMAIL", "KO_INSOLVENT");
    }

    @Test
    void theAgeRuleAppliesToPayLaterOnly() {
        Map<String, Object> s = newConsumer();
        s.put(SignalNames.APPLICANT_AGE, 17);
        assertThat(evaluate(s).decision()).isEqualTo(Decision.REJECT);
        s.put(SignalNames.ORDER_PAY_LATER, false);
        assertThat(evaluate(s).rulesFired()).extracting(Evaluation.FiredRule::code).doesNotContain("KO_UNDERAGE");
    }

    @Test
    void aLowScoreIsReferredOrRejectedWithTheCharacteristicsThatCostMostPoints() {
        Map<String, Object> s = newConsumer();
        s.put(SignalNames.HISTORY_AVG_DAYS_LATE, new BigDecimal("45"));
        s.put(SignalNames.HISTORY_MAX_DAYS_OVERDUE, 25);
        s.put(SignalNames.BUREAU_SCORE, 250);
        Evaluation e = evaluate(s);
        // 590 - 15 (late payer) - 25 (overdue) - 30 (bureau) = 520: between the refer (500) and accept (560) cut-offs
        assertThat(e.score()).isEqualTo(520);
        assertThat(e.decision()).isEqualTo(Decision.REFER);
        assertThat(e.reasons()).extracting(Evaluation.ReasonCode::code)
                .containsExactly("REFERRED", "SCORE_BELOW_ACCEPT", "SC_PAYMENT_HISTORY", "SC_BUREAU", "SC_OVERDUE");
    }

    @Test
    void aSourceThatDidNotAnswerIsNamedAndEscalatesOnlyWhenThePolicySaysSo() {
        Map<String, Object> s = newConsumer();
        s.put(SignalNames.SOURCES_UNAVAILABLE, "CREDIT_BUREAU");
        Evaluation e = evaluate(s);
        assertThat(e.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(e.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("SOURCE_UNAVAILABLE");
            assertThat(r.params()).containsEntry("source", "CREDIT_BUREAU");
        });
        Map<String, PolicyDocument.SourceSetting> sources = new HashMap<>(POLICY.sources());
        sources.put("CREDIT_BUREAU", new PolicyDocument.SourceSetting(true, 400, null, Decision.REFER));
        PolicyDocument strict = new PolicyDocument(POLICY.name(), POLICY.currency(), POLICY.scorer(), POLICY.scorecard(),
                POLICY.cutoffs(), POLICY.riskBands(), POLICY.knockOuts(), POLICY.limits(), POLICY.exposure(),
                POLICY.velocityWindowDays(), sources, POLICY.verification(), POLICY.monitoring(), null);
        Evaluation referred = PolicyEvaluator.evaluate(strict, Signals.of(s), SCORER);
        assertThat(referred.decision()).isEqualTo(Decision.REFER);
        assertThat(referred.reasons()).extracting(Evaluation.ReasonCode::code).contains("SOURCE_UNAVAILABLE_REVIEW");
    }

    /** Property: more exposure never raises the available limit, and acceptance never exceeds it. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void acceptanceNeverExceedsTheAvailableLimit(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> s = newConsumer();
            s.put(SignalNames.HISTORY_PAID_WITHIN_60, BigDecimal.valueOf(rnd.nextInt(400_000), 2));
            s.put(SignalNames.EXPOSURE_OUTSTANDING, BigDecimal.valueOf(rnd.nextInt(300_000), 2));
            s.put(SignalNames.EXPOSURE_OPEN_ORDERS, BigDecimal.valueOf(rnd.nextInt(100_000), 2));
            s.put(SignalNames.ORDER_AMOUNT, BigDecimal.valueOf(1 + rnd.nextInt(200_000), 2));
            Evaluation e = evaluate(s);
            BigDecimal amount = (BigDecimal) Signals.of(s).get(SignalNames.ORDER_AMOUNT);
            if (e.decision() == Decision.ACCEPT) {
                assertThat(amount).isLessThanOrEqualTo(e.available());
            }
            BigDecimal more = ((BigDecimal) Signals.of(s).get(SignalNames.EXPOSURE_OUTSTANDING)).add(BigDecimal.ONE);
            s.put(SignalNames.EXPOSURE_OUTSTANDING, more);
            assertThat(evaluate(s).available()).isLessThanOrEqualTo(e.available());
        }
    }

    @Test
    void theDefaultPolicyIsValid() {
        assertThat(PolicyValidation.check(POLICY, java.util.Set.of())).isEmpty();
        List<?> errors = PolicyValidation.check(new PolicyDocument("x", "EUR", "policy-scorecard", null,
                new PolicyDocument.Cutoffs(500, 600), List.of(), List.of(), POLICY.limits(), POLICY.exposure(), 0,
                Map.of("NOPE", POLICY.sources().get("CREDIT_BUREAU")), POLICY.verification(), POLICY.monitoring(),
                null), java.util.Set.of());
        assertThat(errors.toString()).contains("scorecard").contains("cutoffs.accept").contains("riskBands")
                .contains("velocityWindowDays").contains("sources.NOPE");
    }
}
