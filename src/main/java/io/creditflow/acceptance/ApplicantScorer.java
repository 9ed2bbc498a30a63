package io.creditflow.acceptance;

import java.util.List;

/**
 * Turns a check's signals into a score (higher is better) with the characteristics that cost points, from which the
 * reason codes come. The built-in implementation is the policy's own expert scorecard ({@code "scorer":
 * "policy-scorecard"}, points set by hand in the policy document, not fitted on data). A statistically fitted
 * scorecard (the scoring module's WoE/logistic-regression cards) plugs in as a Spring bean implementing this interface;
 * a policy selects it by {@link #id()} ({@code "scorer": "<id>"}). Every check records the scorer id and version.
 */
public interface ApplicantScorer {

    String id();

    String version();

    Score score(Signals signals);

    /**
     * The same score for a replay of a past check (the policy simulation): no decision follows from it, so a scorer
     * that records what it scores (the fitted scorecard's score log, which feeds the model's stability monitoring)
     * must not record it. The policy's own scorecard records nothing, so the default is {@link #score}.
     */
    default Score replay(Signals signals) {
        return score(signals);
    }

    /** This scorer as one that replays: for evaluating recorded checks again with an unchanged evaluator. */
    default ApplicantScorer replaying() {
        ApplicantScorer live = this;
        return new ApplicantScorer() {
            @Override
            public String id() {
                return live.id();
            }

            @Override
            public String version() {
                return live.version();
            }

            @Override
            public Score score(Signals signals) {
                return live.replay(signals);
            }
        };
    }

    /** The score and, per characteristic, the points given and the most it could have given. */
    record Score(int points, List<Factor> factors) {
        public Score {
            factors = List.copyOf(factors);
        }
    }

    /** {@code reasonCode} names the characteristic (e.g. {@code SC_PAYMENT_HISTORY}); texts come from the messages. */
    record Factor(String reasonCode, int points, int maxPoints) {
        public int shortfall() {
            return maxPoints - points;
        }
    }
}
