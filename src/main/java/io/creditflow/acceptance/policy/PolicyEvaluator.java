package io.creditflow.acceptance.policy;

import io.creditflow.acceptance.ApplicantScorer;
import io.creditflow.acceptance.ApplicantType;
import io.creditflow.acceptance.CheckCondition;
import io.creditflow.acceptance.Decision;
import io.creditflow.acceptance.SignalNames;
import io.creditflow.acceptance.Signals;
import io.creditflow.acceptance.policy.Evaluation.FiredRule;
import io.creditflow.acceptance.policy.Evaluation.ReasonCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides: derives the limit and exposure from the facts and the policy's formula, runs the knock-out rules, scores,
 * applies the cut-offs, checks the order against the available limit and the sources that did not answer, and
 * combines everything to the most severe outcome with its reasons. Pure: the same policy and signals give the same
 * evaluation, live or in a simulation.
 */
public final class PolicyEvaluator {

    private static final int MAX_SCORE_REASONS = 3;

    private PolicyEvaluator() {
    }

    public static Evaluation evaluate(PolicyDocument policy, Signals facts, ApplicantScorer scorer) {
        ApplicantType type = ApplicantType.valueOf(facts.text(SignalNames.APPLICANT_TYPE));
        LimitArithmetic limit = LimitArithmetic.of(policy.limits(), type, facts);
        Signals signals = facts.with(limit.asSignals());

        List<ReasonCode> reasons = new ArrayList<>();
        List<FiredRule> fired = new ArrayList<>();
        Decision decision = Decision.ACCEPT;
        for (PolicyDocument.Rule rule : policy.knockOuts()) {
            if (rule.appliesTo(type) && rule.when().stream().allMatch(c -> Conditions.holds(c, signals))) {
                decision = decision.atLeast(rule.decision());
                fired.add(new FiredRule("KNOCK_OUT", rule.code(), rule.decision()));
                reasons.add(new ReasonCode(rule.code(), knockOutParams(rule, signals),
                        rule.text() == null ? Map.of() : rule.text()));
            }
        }

        ApplicantScorer.Score score = scorer.score(signals);
        Decision byScore = score.points() >= policy.cutoffs().accept() ? Decision.ACCEPT
                : score.points() >= policy.cutoffs().refer() ? Decision.REFER : Decision.REJECT;
        if (byScore != Decision.ACCEPT) {
            fired.add(new FiredRule("CUTOFF", byScore == Decision.REFER ? "SCORE_BELOW_ACCEPT" : "SCORE_BELOW_REFER",
                    byScore));
            reasons.add(ReasonCode.of(byScore == Decision.REFER ? "SCORE_BELOW_ACCEPT" : "SCORE_BELOW_REFER",
                    Map.of("score", String.valueOf(score.points()))));
            score.factors().stream().filter(f -> f.shortfall() > 0)
                    .sorted(Comparator.comparingInt(ApplicantScorer.Factor::shortfall).reversed())
                    .limit(MAX_SCORE_REASONS).forEach(f -> reasons.add(ReasonCode.of(f.reasonCode())));
        }
        decision = decision.atLeast(byScore);

        List<CheckCondition> conditions = new ArrayList<>();
        BigDecimal amount = signals.numberOr(SignalNames.ORDER_AMOUNT, BigDecimal.ZERO);
        if (amount.compareTo(limit.available()) > 0) {
            Decision overLimit = policy.exposure().overLimit();
            decision = decision.atLeast(overLimit);
            fired.add(new FiredRule("LIMIT", "LIMIT_EXCEEDED", overLimit));
            reasons.add(ReasonCode.of("LIMIT_EXCEEDED", Map.of("limit", limit.limit().toPlainString(),
                    "available", limit.available().toPlainString())));
            if (limit.available().compareTo(policy.exposure().minimumPartial()) >= 0) {
                conditions.add(CheckCondition.acceptUpTo(limit.available()));
            }
        }

        String unavailable = signals.text(SignalNames.SOURCES_UNAVAILABLE);
        if (unavailable != null) {
            for (String source : unavailable.split(",")) {
                PolicyDocument.SourceSetting setting = policy.sources().get(source);
                Decision floor = setting == null ? Decision.ACCEPT : setting.whenUnavailable();
                decision = decision.atLeast(floor);
                fired.add(new FiredRule("SOURCE", "SOURCE_UNAVAILABLE", floor));
                reasons.add(ReasonCode.of(floor == Decision.ACCEPT ? "SOURCE_UNAVAILABLE" : "SOURCE_UNAVAILABLE_REVIEW",
                        Map.of("source", source)));
            }
        }

        if (decision == Decision.ACCEPT) {
            reasons.addFirst(ReasonCode.of("ACCEPTED", Map.of("available", limit.available().toPlainString())));
        } else if (decision == Decision.REJECT) {
            conditions.add(CheckCondition.prepaymentRequired());
        } else {
            reasons.addFirst(ReasonCode.of("REFERRED"));
        }
        return new Evaluation(decision, score.points(), band(policy, score.points()), limit.limit(),
                limit.available(), limit.source(), reasons, conditions, fired, score.factors(),
                scorer.id() + ":" + scorer.version(), signals);
    }

    /**
     * The person's processing is restricted (GDPR art. 18): their data may be stored, not used. No score, no limit
     * from their history: a person decides (REFER), told why.
     */
    public static Evaluation restricted(String applicantType, BigDecimal amount, ApplicantScorer scorer) {
        Signals signals = Signals.of(Map.of(SignalNames.APPLICANT_TYPE, applicantType, SignalNames.ORDER_AMOUNT, amount,
                "privacy.restricted", true));
        return new Evaluation(Decision.REFER, 0, "-", BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                "RESTRICTED", List.of(ReasonCode.of("REFERRED"), ReasonCode.of("PROCESSING_RESTRICTED")), List.of(),
                List.of(new FiredRule("PRIVACY", "PROCESSING_RESTRICTED", Decision.REFER)), List.of(),
                scorer.id() + ":" + scorer.version(), signals);
    }

    private static Map<String, String> knockOutParams(PolicyDocument.Rule rule, Signals signals) {
        Map<String, String> params = new LinkedHashMap<>();
        for (PolicyDocument.Condition c : rule.when()) {
            Object v = signals.get(c.signal());
            if (v instanceof BigDecimal d) {
                params.put(c.signal(), d.stripTrailingZeros().toPlainString());
            }
        }
        return params;
    }

    static String band(PolicyDocument policy, int score) {
        return policy.riskBands().stream().sorted(Comparator.comparingInt(PolicyDocument.RiskBand::min).reversed())
                .filter(b -> score >= b.min()).map(PolicyDocument.RiskBand::band).findFirst().orElse("-");
    }

    /** The limit, where it came from, and what is left of it after outstanding invoices and open orders. */
    record LimitArithmetic(BigDecimal limit, String source, BigDecimal outstanding, BigDecimal openOrders,
                           BigDecimal available, BigDecimal total, BigDecimal utilisation) {

        static LimitArithmetic of(PolicyDocument.Limits limits, ApplicantType type, Signals s) {
            BigDecimal outstanding = s.numberOr(SignalNames.EXPOSURE_OUTSTANDING, BigDecimal.ZERO).max(BigDecimal.ZERO);
            BigDecimal openOrders = s.numberOr(SignalNames.EXPOSURE_OPEN_ORDERS, BigDecimal.ZERO);
            BigDecimal amount = s.numberOr(SignalNames.ORDER_AMOUNT, BigDecimal.ZERO);
            BigDecimal limit;
            String source;
            BigDecimal manual = s.number(SignalNames.LIMIT_MANUAL);
            BigDecimal paid = s.numberOr(SignalNames.HISTORY_PAID_WITHIN_60, BigDecimal.ZERO);
            BigDecimal bureau = s.number(SignalNames.BUREAU_ADVISED_LIMIT);
            BigDecimal cap = amount(limits.cap(), type);
            if (manual != null) {
                limit = manual;
                source = "MANUAL";
            } else if ("FIXED".equals(limits.formula())) {
                limit = amount(limits.newCustomer(), type);
                source = "POLICY";
            } else if ("BUREAU".equals(limits.formula()) && bureau != null) {
                limit = bureau.min(cap);
                source = "BUREAU";
            } else if (paid.signum() > 0) {
                limit = paid.multiply(limits.factor()).max(amount(limits.minimum(), type)).min(cap);
                source = "BEHAVIOUR";
            } else {
                limit = amount(limits.newCustomer(), type).min(cap);
                source = "NEW_CUSTOMER";
            }
            limit = limit.setScale(0, RoundingMode.DOWN).setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal available = limit.subtract(outstanding).subtract(openOrders).max(BigDecimal.ZERO)
                    .setScale(2, RoundingMode.DOWN);
            BigDecimal total = outstanding.add(openOrders).add(amount);
            BigDecimal utilisation = limit.signum() == 0 ? new BigDecimal("99")
                    : total.divide(limit, 4, RoundingMode.HALF_UP);
            return new LimitArithmetic(limit, source, outstanding, openOrders, available, total, utilisation);
        }

        private static BigDecimal amount(Map<ApplicantType, BigDecimal> byType, ApplicantType type) {
            BigDecimal v = byType.get(type);
            return v == null ? BigDecimal.ZERO : v;
        }

        Map<String, Object> asSignals() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(SignalNames.LIMIT, limit);
            m.put(SignalNames.LIMIT_SOURCE, source);
            m.put(SignalNames.LIMIT_AVAILABLE, available);
            m.put(SignalNames.EXPOSURE_TOTAL, total);
            m.put(SignalNames.LIMIT_UTILISATION, utilisation);
            return m;
        }
    }
}
