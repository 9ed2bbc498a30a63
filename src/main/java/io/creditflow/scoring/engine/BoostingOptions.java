package io.creditflow.scoring.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings of the gradient-boosting challenger. The number of trees is not fixed: training holds out a stratified
 * part of its rows, grows trees until the held-out log loss has not improved for {@code patience} rounds, repeats
 * that on {@code stoppingRuns} disjoint hold-outs, and refits on all rows with the mean best count. That adapts to
 * 700 rows as well as to 30,000 without tuning per data set.
 *
 * @param threads fixed, not "all cores": XGBoost sums histograms per thread, so the same thread count is part of
 *                "same data and seed, same model"
 */
public record BoostingOptions(double eta, int maxDepth, double minChildWeight, double subsample,
                              double columnSample, double lambda, int maxRounds, int patience,
                              double validationShare, int stoppingRuns, int threads, long seed) {

    public BoostingOptions {
        if (stoppingRuns < 1 || stoppingRuns > Math.round(1 / validationShare)) {
            throw new IllegalArgumentException("stoppingRuns must be between 1 and the number of hold-outs");
        }
    }

    public static BoostingOptions defaults() {
        return new BoostingOptions(0.05, 3, 1, 0.8, 0.8, 1, 1000, 50, 0.2, 3, 2, 42);
    }

    public BoostingOptions withSeed(long newSeed) {
        return new BoostingOptions(eta, maxDepth, minChildWeight, subsample, columnSample, lambda, maxRounds,
                patience, validationShare, stoppingRuns, threads, newSeed);
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("eval_metric", "logloss");
        parameters.put("tree_method", "hist");
        parameters.put("eta", eta);
        parameters.put("max_depth", maxDepth);
        parameters.put("min_child_weight", minChildWeight);
        parameters.put("subsample", subsample);
        parameters.put("colsample_bytree", columnSample);
        parameters.put("lambda", lambda);
        parameters.put("nthread", threads);
        parameters.put("seed", seed);
        parameters.put("verbosity", 0);
        return parameters;
    }
}
