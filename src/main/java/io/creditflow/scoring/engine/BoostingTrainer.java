package io.creditflow.scoring.engine;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.Map;
import java.util.stream.IntStream;

/** Trains the gradient-boosting challenger (see {@link BoostingOptions} for how the number of trees is chosen). */
public final class BoostingTrainer implements ModelTrainer {

    private final BoostingOptions options;

    public BoostingTrainer(BoostingOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "challenger";
    }

    @Override
    public BoostedModel train(Dataset training) {
        NativeLibrary.check();
        FeatureEncoding encoding = FeatureEncoding.fit(training);
        try {
            // one hold-out's best count is noisy on 700 rows; the mean over several disjoint hold-outs is steadier
            int rounds = 0;
            for (int heldOut = 0; heldOut < options.stoppingRuns(); heldOut++) {
                rounds += bestRounds(training, encoding, heldOut);
            }
            rounds = Math.max(1, Math.round((float) rounds / options.stoppingRuns()));
            DMatrix all = matrix(encoding, training);
            try {
                Booster booster = XGBoost.train(all, options.parameters(), rounds, Map.of(), null, null);
                return new BoostedModel(encoding, booster, rounds);
            } finally {
                all.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    /** Trees until the log loss on one stratified hold-out (fold {@code heldOut} of the seed's split) stops improving. */
    private int bestRounds(Dataset training, FeatureEncoding encoding, int heldOut) throws XGBoostError {
        int folds = (int) Math.round(1 / options.validationShare());
        int[] fold = CrossValidation.folds(training.bad(), folds, options.seed());
        Dataset fit = training.select(IntStream.range(0, fold.length).filter(r -> fold[r] != heldOut).toArray());
        Dataset holdOut = training.select(IntStream.range(0, fold.length).filter(r -> fold[r] == heldOut).toArray());
        DMatrix fitMatrix = matrix(encoding, fit);
        DMatrix holdOutMatrix = matrix(encoding, holdOut);
        // our own loop instead of XGBoost.train's watches, which print every round to the console
        Booster booster = XGBoost.train(fitMatrix, options.parameters(), 0, Map.of(), null, null);
        try {
            DMatrix[] holdOutSet = {holdOutMatrix};
            String[] names = {"holdout"};
            int best = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int round = 0; round < options.maxRounds() && round - best < options.patience(); round++) {
                booster.update(fitMatrix, round);
                String evaluation = booster.evalSet(holdOutSet, names, round);
                double loss = Double.parseDouble(evaluation.substring(evaluation.lastIndexOf(':') + 1).strip());
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = round;
                }
            }
            return best + 1;
        } finally {
            booster.dispose();
            fitMatrix.dispose();
            holdOutMatrix.dispose();
        }
    }

    private static DMatrix matrix(FeatureEncoding encoding, Dataset data) throws XGBoostError {
        DMatrix matrix = new DMatrix(encoding.matrix(data), data.rows(), encoding.features().size(), Float.NaN);
        float[] labels = new float[data.rows()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = data.bad()[r] ? 1 : 0;
        }
        matrix.setLabel(labels);
        return matrix;
    }
}
