package io.creditflow.platform.cli;

/**
 * A command of the Creditflow command line ({@code java -jar creditflow.jar <name> ...}). Each module contributes its
 * own as a picocli {@code @Command} class listed in {@code META-INF/services/io.creditflow.platform.cli.CliCommand};
 * commands that need the database get a Spring context from {@link CliContext}.
 */
public interface CliCommand {

    /** The first word on the command line, e.g. {@code scoring}. */
    String name();
}
