package io.creditflow.scoring.engine;

/** What the scorecard builder did with one variable: its IV and whether it made it into the card, and why not. */
public record VariableSummary(String variable, double informationValue, String strength, String status) {

    public static final String IN_CARD = "in card";
}
