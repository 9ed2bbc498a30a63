package io.creditflow.acceptance;

import io.creditflow.acceptance.policy.Evaluation;
import io.creditflow.acceptance.sources.SourceStatus;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The explanation of an automated decision for the person it concerns: the reasons, the score against the policy's
 * cut-offs, each characteristic's points against its maximum (where the score was lost), the rules that fired, the
 * sources consulted and the data used, and any human review. A person may ask for a review (art. 22).
 */
public record Explanation(UUID checkId, Decision decision, @Nullable Decision finalDecision, List<Reason> reasons,
                          int score, @Nullable Integer acceptFrom, @Nullable Integer referFrom,
                          List<FactorText> factors, List<Evaluation.FiredRule> rulesFired, List<SourceStatus> sources,
                          Map<String, Object> dataUsed, int policyVersion, String scorer,
                          List<CheckDetail.Review> reviews) {

    public record FactorText(String code, String text, int points, int maxPoints) {
    }
}
