package io.creditflow.acceptance.policy;

import io.creditflow.acceptance.ApplicantScorer;
import io.creditflow.acceptance.ApplicantType;
import io.creditflow.acceptance.SignalNames;
import io.creditflow.acceptance.Signals;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scorer: the policy's own scorecard, with points set by hand by whoever writes the policy (the default
 * policy's points are Creditflow's expert judgement, documented in {@code acceptance/default-policy.json}; they were
 * not fitted on data and make no claim to a probability of default). A fitted scorecard from the scoring module
 * replaces it through {@link ApplicantScorer} when the tenant has one.
 */
public final class PolicyScorecard implements ApplicantScorer {

    private final PolicyDocument.Scorecard card;
    private final String version;

    public PolicyScorecard(PolicyDocument.Scorecard card, int policyVersion) {
        this.card = card;
        this.version = "policy-v" + policyVersion;
    }

    @Override
    public String id() {
        return PolicyDocument.POLICY_SCORECARD;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Score score(Signals signals) {
        String typeText = signals.text(SignalNames.APPLICANT_TYPE);
        ApplicantType type = typeText == null ? ApplicantType.CONSUMER : ApplicantType.valueOf(typeText);
        int total = card.base();
        List<Factor> factors = new ArrayList<>();
        for (PolicyDocument.Characteristic c : card.characteristics()) {
            if (!c.appliesTo(type)) {
                continue;
            }
            int points = points(c, signals.get(c.signal()));
            total += points;
            factors.add(new Factor(c.code(), points, maxPoints(c)));
        }
        return new Score(total, factors);
    }

    private static int points(PolicyDocument.Characteristic c, Object value) {
        if (value == null) {
            return c.missing();
        }
        for (PolicyDocument.Bin bin : c.bins()) {
            if (Conditions.matches(bin, value)) {
                return bin.points();
            }
        }
        return c.missing();
    }

    static int maxPoints(PolicyDocument.Characteristic c) {
        int max = c.missing();
        for (PolicyDocument.Bin bin : c.bins()) {
            max = Math.max(max, bin.points());
        }
        return max;
    }
}
