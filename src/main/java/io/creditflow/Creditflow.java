package io.creditflow;

import io.creditflow.platform.cli.CreditflowCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Creditflow: order-to-cash credit management. Without arguments it starts the server (console, portal and API);
 * with a command name ({@code scoring}, {@code audit}, {@code keys}, {@code bench}, ...) it runs that command.
 */
@SpringBootApplication
@EnableAsync
public class Creditflow {

    public static void main(String[] args) {
        if (CreditflowCli.isCommand(args)) {
            System.exit(CreditflowCli.run(args));
        }
        SpringApplication.run(Creditflow.class, args);
    }
}
