package io.creditflow.scoring.engine;

/** Trains one kind of model with fixed settings; cross-validation calls it once per fold. */
public interface ModelTrainer {

    String name();

    ScoringModel train(Dataset training);
}
