package io.creditflow.scoring;

import io.creditflow.scoring.cli.ScoringCommand;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The scoring benchmark: {@code scoring cv} (10 folds, seed 42, default settings, through the command class users
 * run) on each public data set, then JMH timings of scoring one case. Prints the table and writes it into
 * docs/benchmarks.md under "## Scoring". Run: {@value #COMMAND}
 */
public final class ScoringBenchmark {

    static final String COMMAND = "OMP_WAIT_POLICY=PASSIVE ./mvnw -B -q -Pscoring-benchmark -DskipTests test";
    static final String HEADING = "## Scoring";

    /** Targets from issue 6: {scorecard, challenger}; NaN where the issue sets none for that model. */
    private static final java.util.Map<String, double[]> TARGETS = java.util.Map.of(
            "German", new double[] {0.795, 0.795}, "Australian", new double[] {0.935, 0.935},
            "Japanese", new double[] {0.932, 0.932}, "Thomas", new double[] {0.628, 0.631},
            "Taiwan", new double[] {0.770, 0.780});

    public static void main(String[] args) throws Exception {
        boolean skipJmh = List.of(args).contains("--no-jmh");
        Path work = Files.createTempDirectory("scoring-benchmark");
        List<String> rows = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (BenchmarkData.DataSet set : BenchmarkData.all(work)) {
            rows.add(row(set, misses));
            System.out.println(rows.getLast());
        }
        List<String> timings = skipJmh ? List.of() : singleCaseTimings();
        String section = section(rows, misses, timings);
        System.out.println(section);
        write(Path.of("docs/benchmarks.md"), section);
    }

    private static String row(BenchmarkData.DataSet set, List<String> misses) {
        List<String> args = new ArrayList<>(List.of("cv"));
        args.addAll(set.arguments());
        args.addAll(List.of("--folds", "10", "--seed", "42"));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ScoringCommand());
        cli.setOut(new PrintWriter(out, true));
        long start = System.nanoTime();
        int exit = cli.execute(args.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(set.name() + ": scoring cv failed with exit code " + exit);
        }
        JsonNode json = JsonMapper.builder().build().readTree(out.toString().lines().toList().getLast());
        double[] target = TARGETS.get(set.name());
        String[] models = {"scorecard", "challenger"};
        for (int m = 0; m < models.length; m++) {
            double auc = json.get(models[m]).get("auc").asDouble();
            if (auc < target[m]) {
                misses.add(String.format(Locale.ROOT, "%s %s %.4f < %.3f (by %.4f)", set.name(), models[m], auc,
                        target[m], target[m] - auc));
            }
        }
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.2f | %.2f | %.0f |", set.name(),
                json.get("rows").asInt(), auc(json, "scorecard"), verdict(json, "scorecard", target[0]),
                auc(json, "challenger"), verdict(json, "challenger", target[1]),
                json.get("scorecard").get("trainSeconds").asDouble(),
                json.get("challenger").get("trainSeconds").asDouble(), seconds);
    }

    private static String auc(JsonNode json, String model) {
        return String.format(Locale.ROOT, "%.4f", json.get(model).get("auc").asDouble());
    }

    private static String verdict(JsonNode json, String model, double target) {
        double auc = json.get(model).get("auc").asDouble();
        return String.format(Locale.ROOT, "%.3f %s", target, auc >= target ? "met" : String.format(Locale.ROOT,
                "**missed by %.4f**", target - auc));
    }

    private static List<String> singleCaseTimings() throws Exception {
        Options options = new OptionsBuilder().include(ScoreOneCaseBenchmark.class.getSimpleName()).forks(1)
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED").warmupIterations(3)
                .warmupTime(TimeValue.seconds(1)).measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> lines = new ArrayList<>();
        for (RunResult result : results) {
            var statistics = result.getPrimaryResult().getStatistics();
            lines.add(String.format(Locale.ROOT, "| %s | %.1f µs | %.1f µs | %.1f µs |", result.getParams()
                    .getBenchmark().replaceAll(".*\\.", ""), statistics.getPercentile(50),
                    statistics.getPercentile(99), statistics.getMean()));
        }
        return lines;
    }

    static String section(List<String> rows, List<String> misses, List<String> timings) {
        StringBuilder text = new StringBuilder(HEADING).append("\n\n")
                .append("Stratified 10-fold cross-validation, seed 42, the product's default settings, through the "
                        + "`scoring cv` command class. AUC is the mean of the ten folds' AUCs; training time is the "
                        + "mean seconds to train one fold's model; wall is the whole `scoring cv` run (both models, "
                        + "ten folds each) on a 2-core machine. German credit comes from the Weka jar (test scope), "
                        + "the others from `shared/data`.\n\n")
                .append("Produced by:\n\n```\n").append(COMMAND).append("\n```\n\n")
                .append("| data | rows | scorecard AUC | scorecard target | challenger AUC | challenger target | "
                        + "scorecard train s | challenger train s | wall s |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        text.append("""

                The per-data-set arguments say only how to read the file (separator, header, target column, positive \
                value) and, for Taiwan, `--ignore ID` (a row number is not a feature); see `BenchmarkData`. Nothing \
                else differs between data sets. Defaults: scorecard = quantile fine classing (at most 20 bins, each \
                at least 5 %), coarse classing to a monotone bad rate by pool-adjacent-violators (rising or falling, \
                whichever keeps more IV; at most 8 bins), how coarsely chosen per numeric variable on 3 inner stratified \
                folds of the training rows (at most 4, 6 or 8 bins from pre-bins of at least 5, 7.5 or 10 %, by \
                the held-out log-likelihood of the bins' bad rates; the spec's limits stay upper bounds), categories and numeric codes with at most 12 values grouped \
                by a shrunk bad rate (groups of at least 2 %), missing values and any single value held by a fifth \
                of the rows (a mass point such as 0) in bins of their own, IV screening at \
                0.02, L2 logistic regression on WoE (liblinear, C = 100, intercept not penalised), variables with a \
                wrong-signed coefficient dropped one by one; segmented scorecards: the rows may be split in two \
                on the bins of one of the three strongest variables (by IV), cut at a boundary of its WoE order, \
                when each segment holds at least 500 bads and 500 goods and the split beats the single card's \
                held-out log-likelihood on 3 inner stratified folds of the training rows by 0.001 per row; each \
                segment then gets a card of its own, built as above. Only Taiwan is large enough to split (the four \
                small sets never do, so their cards are the single cards of before). Challenger = XGBoost, \
                depth 3, eta 0.05, subsample and \
                column sample 0.8, number of trees by early stopping (the mean best count over three disjoint \
                stratified fifths of the training rows), then refit on all rows; 2 threads; categories encoded by \
                their shrunk bad-rate rank.
                """);
        text.append("\nTargets (issue 6): German 0.795 and Australian 0.935 are one number per data set, met when the "
                + "product's better model reaches it; Taiwan sets 0.770 for the scorecard and 0.780 for the challenger; "
                + "Japanese and Thomas must reach the baselines of `shared/domain/scoring.md`. The table holds both "
                + "models to every number. Below target: ")
                .append(misses.isEmpty() ? "none" : String.join("; ", misses)).append(".\n");
        text.append("\nThe scorecard meets German and Australian through the per-variable choice of classing "
                + "granularity; Australian clears 0.935 by 0.0001, within the noise of that choice's inner folds "
                + "(0.9326-0.9355, mean 0.9346, over 12 inner randomisations, the default's included; German "
                + "0.7933-0.7972, mean 0.7957): see `docs/scoring.md`, \"Known limits\", for those figures and what else was tried.\n");
        if (!misses.isEmpty()) {
            text.append("\nWhat was tried to close the scorecard's gaps (cross characteristics confirmed in context, "
                    + "regularisation chosen by inner cross-validation, finer binning, shrunk WoE, other shapes and "
                    + "screening), with its figures and why none is the default: `docs/scoring.md`, \"Known limits\". "
                    + "Finer binning (30 pre-bins, 12 coarse bins) reaches German 0.7961 and Australian 0.9367 but "
                    + "leaves the binning limits of `shared/domain/scoring.md` (at most 20 pre-bins of at least 5 %, "
                    + "at most 8 coarse bins). Taiwan's scorecard reaches its target through segmentation (0.7687 "
                    + "as a single card).\n");
        }
        if (!timings.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nScoring one case in-process (JMH sample time, German credit "
                    + "models, raw values in; the scorecard also returns its reason codes). The 2 cores are shared: "
                    + "the system load average was %.1f when the run ended, so the median says more than the mean."
                    + "%n%n| benchmark | median | 99th percentile | mean |%n|---|---|---|---|%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            timings.forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }

    /** Replaces the "## Scoring" section of the file (up to the next "## "), or appends it. */
    static void write(Path file, String section) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int start = existing.indexOf(HEADING + "\n");
        String updated;
        if (start < 0) {
            updated = existing.stripTrailing() + "\n\n" + section;
        } else {
            int end = existing.indexOf("\n## ", start + HEADING.length());
            updated = existing.substring(0, start) + section + (end < 0 ? "" : existing.substring(end));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, updated);
    }
}
