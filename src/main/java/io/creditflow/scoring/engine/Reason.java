package io.creditflow.scoring.engine;

/** A reason code: the variable and attribute that cost the case the most points against the best attribute. */
public record Reason(String variable, String attribute, double pointsBelowBest) {
}
