package io.creditflow.scoring.engine;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.Map;

/** The gradient-boosting challenger: a feature encoding and an XGBoost booster (kept as its UBJSON bytes too). */
public final class BoostedModel implements ScoringModel, AutoCloseable {

    private final FeatureEncoding encoding;
    private final byte[] boosterBytes;
    private final int rounds;
    private final Booster booster;

    BoostedModel(FeatureEncoding encoding, Booster booster, int rounds) {
        this.encoding = encoding;
        this.booster = booster;
        this.rounds = rounds;
        try {
            this.boosterBytes = booster.toByteArray("ubj");
            // one case is one row: waking a second OpenMP thread (asleep under OMP_WAIT_POLICY=PASSIVE) costs more
            // than the prediction itself
            booster.setParam("nthread", 1);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise the booster", e);
        }
    }

    /** Loads a booster saved by {@link #boosterBytes()}. */
    public static BoostedModel load(FeatureEncoding encoding, byte[] boosterBytes, int rounds) {
        NativeLibrary.check();
        try {
            return new BoostedModel(encoding, XGBoost.loadModel(boosterBytes), rounds);
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("not a valid XGBoost model: " + e.getMessage(), e);
        }
    }

    public FeatureEncoding encoding() {
        return encoding;
    }

    public byte[] boosterBytes() {
        return boosterBytes.clone();
    }

    public int rounds() {
        return rounds;
    }

    @Override
    public double[] probabilities(Dataset data) {
        return predict(encoding.matrix(data), data.rows());
    }

    @Override
    public double probability(Map<String, ?> values) {
        return predict(encoding.row(values), 1)[0];
    }

    private double[] predict(float[] matrix, int rows) {
        try {
            // in-place prediction reads the Java array directly: no DMatrix per case, which keeps one case in µs
            float[][] predicted = booster.inplace_predict(matrix, rows, encoding.features().size(), Float.NaN);
            double[] probability = new double[rows];
            for (int r = 0; r < rows; r++) {
                probability[r] = predicted[r][0];
            }
            return probability;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /** Frees the booster's native memory now rather than at garbage collection (cross-validation makes many). */
    @Override
    public void close() {
        booster.dispose();
    }
}
