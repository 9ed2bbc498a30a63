package io.creditflow.scoring;

import io.creditflow.scoring.cli.ScoringCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Quick runner while developing: scoring cv on each benchmark data set. Arguments: folds, then data set names. */
public final class ScoringBenchmark {

    public static void main(String[] args) {
        String folds = args.length > 0 ? args[0] : "10";
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        for (BenchmarkData.DataSet set : BenchmarkData.all(Path.of("target/benchmark"))) {
            if (!only.isEmpty() && !only.contains(set.name())) {
                continue;
            }
            List<String> cli = new ArrayList<>(List.of("cv"));
            cli.addAll(set.arguments());
            cli.addAll(List.of("--folds", folds, "--seed", "42"));
            System.out.println("== " + set.name());
            ScoringCommand.execute(cli.toArray(String[]::new));
        }
    }
}
