package io.creditflow.scoring.cli;

import io.creditflow.scoring.engine.DataException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** Turns bad input into one clear line on stderr and exit code 2, instead of a stack trace. */
abstract class Subcommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } catch (DataException | UncheckedIOException | IllegalArgumentException e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return BAD_INPUT;
        }
    }

    abstract int run() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
