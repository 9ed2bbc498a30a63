package io.creditflow.scoring.engine;

import java.util.Map;

/** A trained model that estimates the probability of the event ("bad") for a case. */
public interface ScoringModel {

    /** Probability of bad for every row of the data (the columns are found by name). */
    double[] probabilities(Dataset data);

    /** Probability of bad for one case given as raw values by variable name (Number, String, or absent). */
    double probability(Map<String, ?> values);
}
