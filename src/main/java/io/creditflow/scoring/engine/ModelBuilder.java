package io.creditflow.scoring.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the scorecard and the challenger on all rows and validates both by stratified cross-validation: the
 * numbers in the model file and the report are out-of-fold, never in-sample. PSI compares the out-of-fold
 * probabilities with the in-sample ones of the final model (how far validation cases drift from training).
 */
public final class ModelBuilder {

    private final ScorecardOptions scorecardOptions;
    private final BoostingOptions boostingOptions;

    public ModelBuilder(ScorecardOptions scorecardOptions, BoostingOptions boostingOptions) {
        this.scorecardOptions = scorecardOptions;
        this.boostingOptions = boostingOptions;
    }

    /** The trained models, the model file and the out-of-fold predictions the report draws. */
    public record Outcome(ModelFile file, Scorecard scorecard, BoostedModel challenger, boolean[] bad,
                          Map<String, double[]> outOfFold) {
    }

    public Outcome build(Dataset data, String positive, int folds) {
        return build(data, positive, folds, Progress.NONE);
    }

    /** Builds as {@link #build(Dataset, String, int)}, telling {@code progress} after each of the 2 + 2·folds fits. */
    public Outcome build(Dataset data, String positive, int folds, Progress progress) {
        int total = 2 + 2 * folds;
        ScorecardTrainer scorecardTrainer = new ScorecardTrainer(scorecardOptions);
        BoostingTrainer boostingTrainer = new BoostingTrainer(boostingOptions);
        long start = System.nanoTime();
        ScorecardTrainer.Result scorecard = scorecardTrainer.build(data);
        double scorecardSeconds = (System.nanoTime() - start) / 1e9;
        progress.fitted("scorecard", 1, total);
        start = System.nanoTime();
        BoostedModel challenger = boostingTrainer.train(data);
        double challengerSeconds = (System.nanoTime() - start) / 1e9;
        progress.fitted("challenger", 2, total);

        Map<String, Validation> validation = new LinkedHashMap<>();
        Map<String, double[]> outOfFold = new LinkedHashMap<>();
        validate(data, folds, scorecardTrainer, scorecard.scorecard(), scorecardSeconds, validation, outOfFold,
                fold -> progress.fitted("scorecard fold " + fold, 2 + fold, total));
        validate(data, folds, boostingTrainer, challenger, challengerSeconds, validation, outOfFold,
                fold -> progress.fitted("challenger fold " + fold, 2 + folds + fold, total));
        ModelFile.DataSummary summary = new ModelFile.DataSummary(data.target(), positive, data.rows(), data.bads(),
                data.columns().stream().map(Column::name).toList());
        return new Outcome(ModelFile.of(summary, scorecard, challenger, validation), scorecard.scorecard(),
                challenger, data.bad(), outOfFold);
    }

    private void validate(Dataset data, int folds, ModelTrainer trainer, ScoringModel model, double seconds,
                          Map<String, Validation> validation, Map<String, double[]> outOfFold,
                          java.util.function.IntConsumer afterFold) {
        CrossValidation.Result cv = CrossValidation.run(data, trainer, folds, boostingOptions.seed(), afterFold);
        Validation v = Validation.of(cv, data.bad(), model.probabilities(data));
        // the file reports the time to train the delivered model on all rows, not a fold's
        validation.put(trainer.name(), new Validation(v.auc(), v.gini(), v.ks(), v.brier(), v.psi(), seconds,
                List.copyOf(v.calibration())));
        outOfFold.put(trainer.name(), cv.outOfFold());
    }
}
