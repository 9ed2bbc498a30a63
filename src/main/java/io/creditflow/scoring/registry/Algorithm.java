package io.creditflow.scoring.registry;

/**
 * Which of a version's two models serves its scores. Every version holds both; the reason codes always come from
 * the version's scorecard, because the boosted model has no points to explain a case with.
 */
public enum Algorithm {
    SCORECARD("scorecard"), GRADIENT_BOOSTING("challenger");

    private final String engineName;

    Algorithm(String engineName) {
        this.engineName = engineName;
    }

    /** The name the engine gives the model in its validation and out-of-fold maps. */
    public String engineName() {
        return engineName;
    }
}
