package io.creditflow.platform.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Creditflow without its web server for a command that needs the database and the modules' beans. */
public final class CliContext {

    private CliContext() {
    }

    /** Starts with the given {@code key=value} properties, which win over application.yml and the environment. */
    public static ConfigurableApplicationContext start(String... properties) {
        try {
            Class<?> app = Class.forName("io.creditflow.Creditflow");
            return new SpringApplicationBuilder(app)
                    .web(WebApplicationType.NONE)
                    .profiles("cli")
                    .logStartupInfo(false)
                    .run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
