package io.creditflow.scoring.cli;

import io.creditflow.scoring.engine.BoostingOptions;
import io.creditflow.scoring.engine.BoostingTrainer;
import io.creditflow.scoring.engine.CrossValidation;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.Metrics;
import io.creditflow.scoring.engine.ModelTrainer;
import io.creditflow.scoring.engine.ScorecardOptions;
import io.creditflow.scoring.engine.ScorecardTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Stratified k-fold cross-validation of the scorecard and the challenger with the product's default settings. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = {"Stratified k-fold cross-validation of the scorecard and the gradient-boosting challenger "
                + "with default settings.",
            "The last line of the output is JSON: {\"rows\":..,\"scorecard\":{\"auc\":..,\"gini\":..,\"ks\":..,"
                    + "\"brier\":..,\"trainSeconds\":..},\"challenger\":{..}}. AUC is the mean of the folds' AUCs; "
                    + "Gini, KS and Brier are computed on the pooled out-of-fold predictions; trainSeconds is the "
                    + "mean time to train one fold's model."})
final class CvCommand extends Subcommand {

    @Mixin
    DataOptions data;

    @Option(names = "--folds", defaultValue = "10", description = "Number of folds, default ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the folds and the challenger, "
            + "default ${DEFAULT-VALUE}.")
    long seed;

    @Override
    int run() {
        Dataset dataset = data.read();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", dataset.rows());
        json.put("bads", dataset.bads());
        json.put("folds", folds);
        json.put("seed", seed);
        out().printf(Locale.ROOT, "%d rows, %d bads (%.1f %%), %d features, %d-fold stratified CV, seed %d%n",
                dataset.rows(), dataset.bads(), 100.0 * dataset.bads() / dataset.rows(), dataset.columns().size(),
                folds, seed);
        for (ModelTrainer trainer : new ModelTrainer[] {new ScorecardTrainer(ScorecardOptions.defaults()),
                new BoostingTrainer(BoostingOptions.defaults().withSeed(seed))}) {
            CrossValidation.Result result = CrossValidation.run(dataset, trainer, folds, seed);
            Map<String, Object> metrics = metrics(result, dataset.bad());
            out().printf(Locale.ROOT, "%-10s AUC %.4f  Gini %.4f  KS %.4f  Brier %.4f  %.2f s per fold%n",
                    trainer.name(), metrics.get("auc"), metrics.get("gini"), metrics.get("ks"), metrics.get("brier"),
                    metrics.get("trainSeconds"));
            out().flush();
            json.put(trainer.name(), metrics);
        }
        out().println(JsonMapper.builder().build().writeValueAsString(json));
        return 0;
    }

    private static Map<String, Object> metrics(CrossValidation.Result result, boolean[] bad) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("auc", round(result.meanAuc()));
        metrics.put("gini", round(Metrics.gini(result.meanAuc())));
        metrics.put("ks", round(Metrics.ks(result.outOfFold(), bad)));
        metrics.put("brier", round(Metrics.brier(result.outOfFold(), bad)));
        metrics.put("trainSeconds", round(result.meanTrainSeconds()));
        return metrics;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
