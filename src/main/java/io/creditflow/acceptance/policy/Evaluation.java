package io.creditflow.acceptance.policy;

import io.creditflow.acceptance.ApplicantScorer;
import io.creditflow.acceptance.CheckCondition;
import io.creditflow.acceptance.Decision;
import io.creditflow.acceptance.Signals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a policy decided for one set of signals: the decision with its reason codes (texts are rendered later, in the
 * language asked for), conditions, the rules that fired, the score and its factors, and the limit arithmetic. {@code
 * signals} includes the derived values (limit, available, utilisation).
 */
public record Evaluation(Decision decision, int score, String riskBand, BigDecimal limit, BigDecimal available,
                         String limitSource, List<ReasonCode> reasons, List<CheckCondition> conditions,
                         List<FiredRule> rulesFired, List<ApplicantScorer.Factor> factors, String scorer,
                         Signals signals) {

    public Evaluation {
        reasons = List.copyOf(reasons);
        conditions = List.copyOf(conditions);
        rulesFired = List.copyOf(rulesFired);
        factors = List.copyOf(factors);
    }

    /** A reason by code with its parameters; {@code text} holds the policy's own texts for custom codes (nl, en). */
    public record ReasonCode(String code, Map<String, String> params, Map<String, String> text) {
        public ReasonCode {
            params = Map.copyOf(params);
            text = Map.copyOf(text);
        }

        public static ReasonCode of(String code) {
            return new ReasonCode(code, Map.of(), Map.of());
        }

        public static ReasonCode of(String code, Map<String, String> params) {
            return new ReasonCode(code, params, Map.of());
        }
    }

    /** {@code kind}: KNOCK_OUT, LIMIT, CUTOFF or SOURCE. */
    public record FiredRule(String kind, String code, Decision decision) {
    }
}
