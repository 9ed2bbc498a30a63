package io.creditflow.scoring.engine;

import java.util.List;

/** The score of one case, its probability of bad and the reasons that lowered the score most. */
public record ScoredCase(double score, double probabilityBad, List<Reason> reasons) {
}
