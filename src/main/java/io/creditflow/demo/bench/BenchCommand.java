package io.creditflow.demo.bench;

import io.creditflow.platform.cli.CliCommand;
import picocli.CommandLine.Command;

/** {@code bench}: performance measurements (see docs/benchmarks.md for the figures they produced). */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = ImportBenchmark.class,
        description = "Benchmarks on generated demo data.")
public final class BenchCommand implements CliCommand {

    @Override
    public String name() {
        return "bench";
    }
}
