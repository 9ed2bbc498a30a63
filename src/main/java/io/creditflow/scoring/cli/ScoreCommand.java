package io.creditflow.scoring.cli;

import io.creditflow.scoring.engine.BoostedModel;
import io.creditflow.scoring.engine.CsvFormat;
import io.creditflow.scoring.engine.CsvRows;
import io.creditflow.scoring.engine.DataException;
import io.creditflow.scoring.engine.ModelFile;
import io.creditflow.scoring.engine.Reason;
import io.creditflow.scoring.engine.ScoredCase;
import io.creditflow.scoring.engine.Segments;
import io.creditflow.scoring.engine.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores a file of cases with a model file: score, probabilities and reason codes per line. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score every line of a CSV file with a model file. Output columns: line, score, "
                + "probability_bad (scorecard), challenger_probability_bad, reason1..reason4 (the variables that cost "
                + "the most points against their best attribute)."})
final class ScoreCommand extends Subcommand {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file from 'train'.")
    Path model;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Cases to score.")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Option(names = "--separator", defaultValue = ",", description = "Field separator, default '${DEFAULT-VALUE}'; "
            + "' ' means any run of blanks, 'tab' a single tab.")
    String separator;

    @Option(names = "--no-header", description = "The first line is data; columns are named c1..cN.")
    boolean noHeader;

    @Override
    int run() throws IOException {
        ModelFile file = ModelFile.read(model);
        Scorecard card = file.scorecard();
        BoostedModel challenger = file.challenger().load();
        CsvFormat format = new CsvFormat(DataOptions.separator(separator), !noHeader, CsvFormat.DEFAULT_MISSING);
        List<String> absent = new ArrayList<>(file.data().features());
        absent.removeAll(CsvRows.header(csv, format));
        if (!absent.isEmpty()) {
            // every case would score as "value unknown" on these: almost always a wrong file or a renamed column
            throw new DataException(csv + " lacks the model's columns " + String.join(", ", absent));
        }
        long[] count = {0};
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Segments segments = card.segments();
            // a segmented card says which segment's card scored the case; a single card's output is as it was
            writer.write("line,score,probability_bad,challenger_probability_bad,reason1,reason2,reason3,reason4"
                    + (segments == null ? "" : ",segment") + "\n");
            CsvRows.forEach(csv, format, (line, values) -> {
                ScoredCase scored = card.explain(values);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%.1f,%.6f,%.6f", line,
                        scored.score(), scored.probabilityBad(), challenger.probability(values)));
                for (int i = 0; i < Scorecard.REASONS; i++) {
                    row.append(',').append(i < scored.reasons().size() ? quote(scored.reasons().get(i)) : "");
                }
                if (segments != null) {
                    row.append(",\"").append(segments.of(values).name().replace("\"", "\"\"")).append('"');
                }
                write(writer, row.append('\n').toString());
                count[0]++;
            });
        }
        out().println("scored " + count[0] + " cases into " + out);
        return 0;
    }

    private static String quote(Reason reason) {
        return "\"" + (reason.variable() + ": " + reason.attribute()).replace("\"", "\"\"") + "\"";
    }

    private static void write(BufferedWriter writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
