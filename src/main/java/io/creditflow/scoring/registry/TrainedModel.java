package io.creditflow.scoring.registry;

import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.Metrics;
import io.creditflow.scoring.engine.ModelBuilder;
import io.creditflow.scoring.engine.ModelFile;
import io.creditflow.scoring.engine.PdoScaling;
import io.creditflow.scoring.engine.Validation;
import io.creditflow.scoring.monitoring.StabilityReport;
import io.creditflow.scoring.report.HtmlReport;
import io.creditflow.scoring.report.SvgCharts;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the registry stores of a training run besides the model file: per algorithm the validation, the risk bands,
 * the PSI reference of the training scores and the three pictures (from the out-of-fold predictions), and the HTML
 * report. Computed once, when the run ends: the console and the export show them without the training data.
 */
public record TrainedModel(Purpose purpose, String name, Source source, @Nullable String sourceName,
                           @Nullable LocalDate dataFrom, @Nullable LocalDate dataTo, @Nullable Integer horizonDays,
                           ModelFile file, Map<Algorithm, Validation> metrics, Map<Algorithm, Bands> bands,
                           Map<Algorithm, StabilityReport.Reference> psiReference, Map<Algorithm, Charts> charts,
                           String report, double trainingSeconds) {

    /** Where the training data came from. */
    public enum Source { CSV, HISTORY, IMPORT }

    /** The validation pictures as SVG text. */
    public record Charts(String roc, String distribution, String calibration) {
    }

    /** Describes the data a model was trained on, for its card. */
    public record Origin(Purpose purpose, String name, Source source, @Nullable String sourceName,
                         @Nullable LocalDate dataFrom, @Nullable LocalDate dataTo, @Nullable Integer horizonDays) {
    }

    public static TrainedModel of(Origin origin, Dataset data, ModelBuilder.Outcome outcome, int folds,
                                  double trainingSeconds) {
        PdoScaling scaling = outcome.scorecard().scaling();
        Map<Algorithm, double[]> inSample = Map.of(
                Algorithm.SCORECARD, outcome.scorecard().scores(data),
                Algorithm.GRADIENT_BOOSTING, scores(outcome.challenger().probabilities(data), scaling));
        Map<Algorithm, Validation> metrics = new LinkedHashMap<>();
        Map<Algorithm, Bands> bands = new LinkedHashMap<>();
        Map<Algorithm, StabilityReport.Reference> references = new LinkedHashMap<>();
        Map<Algorithm, Charts> charts = new LinkedHashMap<>();
        for (Algorithm algorithm : Algorithm.values()) {
            double[] outOfFold = outcome.outOfFold().get(algorithm.engineName());
            double[] outOfFoldScores = scores(outOfFold, scaling);
            metrics.put(algorithm, outcome.file().validation().get(algorithm.engineName()));
            bands.put(algorithm, Bands.of(inSample.get(algorithm), outOfFoldScores, outcome.bad()));
            references.put(algorithm, StabilityReport.Reference.of(inSample.get(algorithm), Validation.BANDS));
            charts.put(algorithm, charts(outOfFold, outOfFoldScores, outcome.bad()));
        }
        return new TrainedModel(origin.purpose(), origin.name(), origin.source(), origin.sourceName(),
                origin.dataFrom(), origin.dataTo(), origin.horizonDays(), outcome.file(), metrics, bands, references,
                charts, HtmlReport.render(outcome, folds), trainingSeconds);
    }

    static double[] scores(double[] probabilities, PdoScaling scaling) {
        return Arrays.stream(probabilities).map(p -> scaling.score(Math.clamp(p, 1e-6, 1 - 1e-6))).toArray();
    }

    private static Charts charts(double[] probabilities, double[] scores, boolean[] bad) {
        double[] goods = IntStream.range(0, bad.length).filter(r -> !bad[r]).mapToDouble(r -> scores[r]).toArray();
        double[] bads = IntStream.range(0, bad.length).filter(r -> bad[r]).mapToDouble(r -> scores[r]).toArray();
        return new Charts(SvgCharts.roc(Metrics.roc(probabilities, bad), Metrics.auc(probabilities, bad)),
                SvgCharts.distribution(goods, bads, 20),
                SvgCharts.calibration(Metrics.calibration(probabilities, bad, Validation.BANDS)));
    }
}
