package io.creditflow.scoring.cli;

import io.creditflow.platform.cli.CliCommand;
import io.creditflow.scoring.BenchmarkData;
import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it, in-process: German credit from the Weka jar, few folds to stay fast. */
class ScoringCommandUnitTest {

    @TempDir
    static Path directory;
    private static Path german;

    @BeforeAll
    static void germanCredit() {
        german = BenchmarkData.germanCsv(directory);
    }

    private record Run(int exitCode, String out, String err) {
        JsonNode lastLineJson() {
            List<String> lines = out.lines().toList();
            return JsonMapper.builder().build().readTree(lines.getLast());
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ScoringCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String[] germanArgs(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--csv", german.toString(), "--target", "class",
                "--positive", "bad"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void isRegisteredAsACommandOfTheCreditflowCommandLine() {
        assertThat(ServiceLoader.load(CliCommand.class).stream().map(p -> p.get().name())).contains("scoring");
    }

    @Test
    void crossValidatesBothModelsAndEndsWithJson() {
        Run run = run(germanArgs("cv", "--folds", "3", "--seed", "42"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.lastLineJson();
        assertThat(json.get("rows").asInt()).isEqualTo(1000);
        for (String model : List.of("scorecard", "challenger")) {
            assertThat(json.get(model).get("auc").asDouble()).as(model).isGreaterThan(0.75);
            assertThat(json.get(model).get("gini").asDouble()).isGreaterThan(0.5);
            assertThat(json.get(model).get("ks").asDouble()).isGreaterThan(0.3);
            assertThat(json.get(model).get("brier").asDouble()).isBetween(0.1, 0.2);
            assertThat(json.get(model).has("trainSeconds")).isTrue();
        }
    }

    @Test
    void trainsAModelFileAndReportThenScoresWithIt() throws Exception {
        Path model = directory.resolve("model.json");
        Path report = directory.resolve("report.html");
        Run train = run(germanArgs("train", "--folds", "3", "--out", model.toString(), "--report",
                report.toString()));
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.lastLineJson().get("scorecard").get("auc").asDouble()).isGreaterThan(0.75);
        assertThat(Files.readString(report)).contains("<svg", "ROC curve", "Scorecard", "checking_status")
                .containsPattern("coarse classing: at most [468] bins of at least (5\\.0|7\\.5|10\\.0) % of the rows "
                        + "\\(chosen on inner folds of the training rows\\)");
        Path scored = directory.resolve("scored.csv");
        Run score = run("score", "--model", model.toString(), "--csv", german.toString(), "--out",
                scored.toString());
        assertThat(score.exitCode()).as(score.err()).isZero();
        List<String> lines = Files.readAllLines(scored);
        assertThat(lines).hasSize(1001);
        assertThat(lines.getFirst()).as("a single card's output has no segment column")
                .isEqualTo("line,score,probability_bad,challenger_probability_bad,reason1,reason2,reason3,reason4");
        assertThat(lines.get(1)).startsWith("2,");
        Path other = Files.writeString(directory.resolve("other.csv"), "a,b\n1,2\n");
        Run wrongFile = run("score", "--model", model.toString(), "--csv", other.toString(), "--out",
                directory.resolve("x.csv").toString());
        assertThat(wrongFile.exitCode()).isEqualTo(2);
        assertThat(wrongFile.err()).contains("lacks the model's columns checking_status, duration");
    }

    @Test
    void aSegmentedModelNamesItsSegmentsWhenTrainedAndEachScoredCasesSegment() throws Exception {
        Dataset data = SyntheticData.interaction(1, 8000);
        StringBuilder text = new StringBuilder("late,utilisation,tenure,outcome\n");
        double[][] columns = data.columns().stream().map(c -> ((Column.Numeric) c).values()).toArray(double[][]::new);
        for (int r = 0; r < data.rows(); r++) {
            text.append(String.format(java.util.Locale.ROOT, "%.0f,%.1f,%.0f,%s%n", columns[0][r], columns[1][r],
                    columns[2][r], data.bad()[r] ? "bad" : "good"));
        }
        Path csv = Files.writeString(directory.resolve("interaction.csv"), text);
        Path model = directory.resolve("segmented.json");
        Path report = directory.resolve("segmented.html");
        Run train = run("train", "--csv", csv.toString(), "--target", "outcome", "--positive", "bad", "--folds", "2",
                "--out", model.toString(), "--report", report.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.lastLineJson().get("segments").toString()).isEqualTo("[\"late: 0\",\"late: 1 | 2 | 3\"]");
        assertThat(train.lastLineJson().get("variables").asInt()).isEqualTo(3);
        assertThat(Files.readString(report)).contains("<h2>Segmented scorecard</h2>", "<h3>Segment late: 0</h3>");

        Path scored = directory.resolve("segmented-scores.csv");
        Run score = run("score", "--model", model.toString(), "--csv", csv.toString(), "--out", scored.toString());
        assertThat(score.exitCode()).as(score.err()).isZero();
        List<String> lines = Files.readAllLines(scored);
        assertThat(lines.getFirst()).endsWith(",reason4,segment");
        for (int r = 0; r < 20; r++) {
            String segment = columns[0][r] == 0 ? "\"late: 0\"" : "\"late: 1 | 2 | 3\"";
            assertThat(lines.get(r + 1)).startsWith((r + 2) + ",").endsWith("," + segment);
        }
    }

    @Test
    void readsBlankSeparatedFilesWithoutHeader() throws Exception {
        Path dat = directory.resolve("small.dat");
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            double x = random.nextGaussian();
            text.append(i % 7).append("  ").append(String.format(java.util.Locale.ROOT, "%.3f", x)).append(' ')
                    .append(random.nextDouble() < 1 / (1 + Math.exp(-2 * x)) ? 1 : 0).append('\n');
        }
        Files.writeString(dat, text);
        Run run = run("cv", "--csv", dat.toString(), "--separator", " ", "--no-header", "--target", "c3",
                "--positive", "1", "--folds", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lastLineJson().get("scorecard").get("auc").asDouble()).isGreaterThan(0.7);
    }

    @Test
    void badInputGivesOneClearLineAndExitCodeTwo() throws Exception {
        Run missingColumn = run("cv", "--csv", german.toString(), "--target", "default", "--positive", "1");
        assertThat(missingColumn.exitCode()).isEqualTo(2);
        assertThat(missingColumn.err()).startsWith("error: target column 'default' is not in")
                .contains("checking_status");
        Path empty = Files.writeString(directory.resolve("empty.csv"), "");
        Run emptyFile = run("cv", "--csv", empty.toString(), "--target", "y", "--positive", "1");
        assertThat(emptyFile.exitCode()).isEqualTo(2);
        assertThat(emptyFile.err()).contains("empty.csv is empty");
        Run nonBinary = run("cv", "--csv", german.toString(), "--target", "purpose", "--positive", "radio/tv");
        assertThat(nonBinary.err()).contains("target column 'purpose' is not binary");
        Run noFile = run("cv", "--csv", directory.resolve("nope.csv").toString(), "--target", "y", "--positive", "1");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("nope.csv");
    }

    @Test
    void helpDocumentsTheOptions() {
        Run help = run("cv", "--help");
        assertThat(help.out()).contains("--separator", "--no-header", "--target", "--positive", "--folds", "--seed",
                "--ignore");
        assertThat(run().out()).contains("cv", "train", "score");
    }
}
