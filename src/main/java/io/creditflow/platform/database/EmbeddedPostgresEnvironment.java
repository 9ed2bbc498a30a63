package io.creditflow.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the embedded real PostgreSQL (zonky) when no {@code spring.datasource.url} is configured, and points the
 * datasource and Flyway at it before any bean is created. The data lives in {@code <creditflow.data-dir>/postgres}
 * and survives restarts; tests use an ephemeral directory. Two roles are created: {@code creditflow_owner} owns the
 * schema and runs migrations, {@code creditflow_app} is what the application connects as, subject to row-level
 * security.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String OWNER_ROLE = "creditflow_owner";
    public static final String APP_ROLE = "creditflow_app";
    public static final String DATABASE = "creditflow";

    private static final Map<String, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    /** Logging is not initialised yet when this runs: Boot replays deferred messages once it is. */
    private final org.apache.commons.logging.Log log;

    public EmbeddedPostgresEnvironment(org.springframework.boot.logging.DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("creditflow.database.embedded", Boolean.class, true)) {
            return;
        }
        boolean ephemeral = environment.getProperty("creditflow.database.ephemeral", Boolean.class, false);
        Path dataDir = Path.of(environment.getProperty("creditflow.data-dir", "./data")).toAbsolutePath().normalize();
        String key = ephemeral ? "ephemeral" : dataDir.toString();
        Map<String, String> settings = serverSettings(environment.getProperty(SERVER_SETTINGS, ""));
        EmbeddedPostgres pg = RUNNING.computeIfAbsent(key,
                k -> start(ephemeral, dataDir.resolve("postgres"), settings, log));

        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + DATABASE;
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", APP_ROLE);
        props.put("spring.datasource.password", "");
        props.put("spring.flyway.url", url);
        props.put("spring.flyway.user", OWNER_ROLE);
        props.put("spring.flyway.password", "");
        props.put("creditflow.database.embedded-port", pg.getPort());
        environment.getPropertySources().addFirst(new MapPropertySource("creditflowEmbeddedPostgres", props));
    }

    /** For tools that need the superuser of the embedded server (tests that dump or tamper with the database). */
    public static String superuserUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=postgres";
    }

    /**
     * Operator's settings for the embedded server, {@code name=value} pairs separated by commas (e.g.
     * {@code shared_buffers=1GB,max_wal_size=8GB}); they override the defaults below. A name must be a PostgreSQL
     * setting name (letters, digits, underscores, dots), a value may not contain a comma.
     */
    public static final String SERVER_SETTINGS = "creditflow.database.embedded.server-settings";

    static Map<String, String> serverSettings(String text) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).strip();
            String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*") || value.isEmpty()) {
                throw new IllegalArgumentException(SERVER_SETTINGS + ": \"" + pair.strip()
                        + "\" is not name=value with a PostgreSQL setting name");
            }
            settings.put(name, value);
        }
        return settings;
    }

    private static EmbeddedPostgres start(boolean ephemeral, Path pgDir, Map<String, String> settings,
                                          org.apache.commons.logging.Log log) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (ephemeral) {
                builder.setDataDirectory(Files.createTempDirectory("creditflow-pg")).setCleanDataDirectory(true);
            } else {
                Files.createDirectories(pgDir);
                StalePostmasterPid.removeIfStale(pgDir, log);
                // zonky passes -F (fsync off) and synchronous_commit=off: fine for tests, not for real data.
                builder.setDataDirectory(pgDir).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            EmbeddedPostgresShutdown.takeOver(pg, ephemeral);
            bootstrap(pg);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgDir, e);
        }
    }

    /** Creates the two roles and the database on first start; a no-op afterwards. */
    private static void bootstrap(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login nosuperuser nobypassrls;
                      end if;
                      if not exists (select from pg_roles where rolname = '%2$s') then
                        create role %2$s login nosuperuser nobypassrls nocreaterole nocreatedb;
                      end if;
                    end $$""".formatted(OWNER_ROLE, APP_ROLE));
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                st.execute("create database " + DATABASE + " owner " + OWNER_ROLE + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL", e);
        }
    }
}
