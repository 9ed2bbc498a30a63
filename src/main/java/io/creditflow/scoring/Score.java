package io.creditflow.scoring;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * One scored case: the champion model's score (points; higher is better), its risk band (A best .. E worst, the
 * training population's quintiles), the probability of the modelled event and the reason codes (the characteristics
 * that cost the case the most points against their best attribute, from the version's scorecard).
 *
 * @param probabilityBad probability of the event the model was trained on: going bad (acceptance), not being paid
 *                       within the horizon (collectability)
 * @param challenger     the challenger version's answer when one is active (recorded for comparison, not decisive)
 */
public record Score(Purpose purpose, UUID modelId, int modelVersion, String algorithm, double score, String band,
                    double probabilityBad, List<ReasonCode> reasons, @Nullable Challenger challenger) {

    public Score {
        reasons = List.copyOf(reasons);
    }

    /** A reason code: the characteristic, the case's attribute and the points it lost against the best attribute. */
    public record ReasonCode(String characteristic, String attribute, double pointsBelowBest) {
    }

    /** The challenger version's answer for the same case. */
    public record Challenger(UUID modelId, int modelVersion, double score, String band, double probabilityBad) {
    }

    /** Probability of collection within the horizon (collectability models): 1 - probabilityBad. */
    public double probabilityOfCollection() {
        return 1 - probabilityBad;
    }
}
