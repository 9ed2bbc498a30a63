package io.creditflow.scoring.cli;

import io.creditflow.scoring.engine.BoostingOptions;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.ModelBuilder;
import io.creditflow.scoring.engine.PdoScaling;
import io.creditflow.scoring.engine.ScorecardOptions;
import io.creditflow.scoring.engine.Segments;
import io.creditflow.scoring.engine.Validation;
import io.creditflow.scoring.report.HtmlReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Trains both models on all rows, validates them by cross-validation, writes the model file and the report. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the scorecard and the challenger on all rows and write the model file (JSON: bins, "
                + "WoE, coefficients, points, the booster) and optionally an HTML validation report.",
            "Metrics come from stratified cross-validation (out-of-fold). The last line of the output is JSON."})
final class TrainCommand extends Subcommand {

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write (JSON).")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "HTML report to write.")
    @Nullable Path report;

    @Option(names = "--folds", defaultValue = "10", description = "Folds of the validation, default ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed, default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--base-score", defaultValue = "600", description = "Score at the base odds, default "
            + "${DEFAULT-VALUE}.")
    double baseScore;

    @Option(names = "--base-odds", defaultValue = "50", description = "Good:bad odds at the base score, default "
            + "${DEFAULT-VALUE} (50:1).")
    double baseOdds;

    @Option(names = "--pdo", defaultValue = "20", description = "Points to double the odds, default ${DEFAULT-VALUE}.")
    double pdo;

    @Override
    int run() throws IOException {
        Dataset dataset = data.read();
        ScorecardOptions defaults = ScorecardOptions.defaults();
        ScorecardOptions scorecard = defaults.withScaling(new PdoScaling(baseScore, baseOdds, pdo));
        ModelBuilder.Outcome outcome = new ModelBuilder(scorecard, BoostingOptions.defaults().withSeed(seed))
                .build(dataset, data.positive, folds);
        outcome.file().write(out);
        if (report != null) {
            Files.writeString(report, HtmlReport.render(outcome, folds));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", dataset.rows());
        json.put("model", out.toString());
        Segments segments = outcome.scorecard().segments();
        json.put("variables", segments == null ? outcome.scorecard().characteristics().size()
                : outcome.scorecard().inputs().size());
        if (segments != null) {
            json.put("segments", segments.segments().stream().map(Segments.Segment::name).toList());
        }
        outcome.file().validation().forEach((model, v) -> {
            out().printf(Locale.ROOT, "%-10s AUC %.4f  Gini %.4f  KS %.4f  Brier %.4f  PSI %.4f  %.2f s%n", model,
                    v.auc(), v.gini(), v.ks(), v.brier(), v.psi(), v.trainSeconds());
            json.put(model, summary(v));
        });
        out().println("wrote " + out + (report == null ? "" : " and " + report));
        out().println(JsonMapper.builder().build().writeValueAsString(json));
        return 0;
    }

    private static Map<String, Object> summary(Validation v) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("auc", CvCommand.round(v.auc()));
        metrics.put("gini", CvCommand.round(v.gini()));
        metrics.put("ks", CvCommand.round(v.ks()));
        metrics.put("brier", CvCommand.round(v.brier()));
        metrics.put("psi", CvCommand.round(v.psi()));
        metrics.put("trainSeconds", CvCommand.round(v.trainSeconds()));
        return metrics;
    }
}
