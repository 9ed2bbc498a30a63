package io.creditflow.scoring.engine;

/** What one characteristic gave a case: its attribute, the points and the most points it gives any attribute. */
public record Contribution(String variable, String attribute, double points, double maxPoints) {
}
