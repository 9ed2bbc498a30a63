package io.creditflow.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/** The command line: {@code java -jar creditflow.jar <command> ...}. Without a known command the server starts. */
@Command(name = "creditflow", mixinStandardHelpOptions = true,
        description = "Creditflow command line. Without a command, the server starts.")
public final class CreditflowCli {

    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        return names().contains(args[0]) || args[0].equals("help");
    }

    public static int run(String[] args) {
        CommandLine cli = new CommandLine(new CreditflowCli());
        for (CliCommand command : ServiceLoader.load(CliCommand.class)) {
            cli.addSubcommand(command.name(), command);
        }
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        return cli.execute(args);
    }

    private static Set<String> names() {
        return ServiceLoader.load(CliCommand.class).stream()
                .map(p -> p.get().name())
                .collect(Collectors.toSet());
    }
}
