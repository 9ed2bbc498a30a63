package io.creditflow.scoring.engine;

import java.util.Set;

/**
 * Which column is the outcome and which of its two values is the event ("bad"). Values compare as numbers when
 * both parse as numbers ({@code 1} matches {@code 1.00}), else as trimmed text. Ignored columns are not features
 * (row identifiers, dates, the outcome's own derivatives).
 */
public record TargetSpec(String column, String positive, Set<String> ignored) {

    public TargetSpec {
        ignored = Set.copyOf(ignored);
    }

    public TargetSpec(String column, String positive) {
        this(column, positive, Set.of());
    }

    boolean isPositive(String value) {
        if (value.equals(positive)) {
            return true;
        }
        try {
            return Double.parseDouble(value) == Double.parseDouble(positive);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
