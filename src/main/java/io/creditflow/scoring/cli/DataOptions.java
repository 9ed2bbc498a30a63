package io.creditflow.scoring.cli;

import io.creditflow.scoring.engine.CsvFormat;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.DatasetReader;
import io.creditflow.scoring.engine.TargetSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/** The options that say which file to read and how, shared by the scoring subcommands. */
final class DataOptions {

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "Delimited text file, one case per line.")
    Path csv;

    @Option(names = "--target", required = true, paramLabel = "COLUMN",
            description = "The outcome column (header name, or c1..cN with --no-header).")
    String target;

    @Option(names = "--positive", required = true, paramLabel = "VALUE",
            description = "The outcome value of the event (\"bad\"); numbers compare by value, so 1 matches 1.00.")
    String positive;

    @Option(names = "--separator", defaultValue = ",", paramLabel = "CHAR",
            description = "Field separator, default '${DEFAULT-VALUE}'. A space (' ') means any run of spaces or "
                    + "tabs, as in the UCI .dat files; 'tab' or '\\t' is a single tab.")
    String separator;

    @Option(names = "--no-header", description = "The first line is data; columns are named c1..cN.")
    boolean noHeader;

    @Option(names = "--ignore", split = ",", paramLabel = "COLUMN",
            description = "Columns that are not features, e.g. a row id: --ignore ID,created_at.")
    List<String> ignored = List.of();

    /** The separator as typed: "tab" and a backslash-t stand for the tab that a shell makes awkward to type. */
    static String separator(String typed) {
        return typed.equals("tab") || typed.equals("\\t") ? "\t" : typed;
    }

    Dataset read() {
        CsvFormat format = new CsvFormat(separator(separator), !noHeader, CsvFormat.DEFAULT_MISSING);
        return new DatasetReader(format, new TargetSpec(target, positive, new HashSet<>(ignored))).read(csv);
    }
}
