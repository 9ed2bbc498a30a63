package io.creditflow.scoring.engine;

/** Told after each model fit of a build (the final models, then every fold), so a caller can show progress. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (stage, done, total) -> { };

    /** {@code done} of {@code total} fits are finished; {@code stage} says which model and fold came last. */
    void fitted(String stage, int done, int total);
}
