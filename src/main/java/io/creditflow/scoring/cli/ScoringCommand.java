package io.creditflow.scoring.cli;

import io.creditflow.platform.cli.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code creditflow scoring ...}: the scoring engine for analysts and scripts, without a server. */
@Command(name = "scoring", mixinStandardHelpOptions = true,
        subcommands = {CvCommand.class, TrainCommand.class, ScoreCommand.class},
        description = {
            "Build and validate credit scoring models from a CSV file: a WoE scorecard (points, reason codes) and a "
                    + "gradient-boosting challenger.",
            "Columns are typed automatically (numeric or categorical); empty, NA and ? are missing values.",
            "Examples:",
            "  scoring cv --csv loans.csv --target BAD --positive 1",
            "  scoring cv --csv australian.dat --separator ' ' --no-header --target c15 --positive 1",
            "  scoring train --csv loans.csv --target BAD --positive 1 --out model.json --report model.html",
            "  scoring score --model model.json --csv new.csv --out scored.csv",
            "Set OMP_WAIT_POLICY=PASSIVE in the environment so XGBoost's threads do not spin while idle."})
public final class ScoringCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public String name() {
        return "scoring";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the scoring command line in this JVM; the exit code as {@code java -jar creditflow.jar scoring} gives. */
    public static int execute(String... args) {
        return new CommandLine(new ScoringCommand()).execute(args);
    }
}
