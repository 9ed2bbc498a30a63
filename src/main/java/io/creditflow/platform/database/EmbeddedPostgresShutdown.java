package io.creditflow.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Stops the embedded PostgreSQL after Spring has closed its contexts, not before. zonky registers its own JVM
 * shutdown hook, which runs concurrently with Spring's: the database went away while Spring was still draining
 * requests and writing its last rows, and shutdown then hung on connection timeouts. We mark zonky's instance as
 * already closed (its hook becomes a no-op; zonky 2.2.2, field {@code closed}) and stop the server from Spring's
 * shutdown handlers, which run after every context is closed.
 */
final class EmbeddedPostgresShutdown {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresShutdown.class);

    private EmbeddedPostgresShutdown() {
    }

    static void takeOver(EmbeddedPostgres pg, boolean deleteData) {
        try {
            File dataDir = (File) field("dataDirectory").get(pg);
            ((AtomicBoolean) field("closed").get(pg)).set(true);
            AtomicBoolean stopped = new AtomicBoolean();
            Runnable stop = () -> {
                if (stopped.compareAndSet(false, true)) {
                    stop(dataDir, deleteData);
                }
            };
            SpringApplication.getShutdownHandlers().add(stop);
            // Contexts not registered with Spring Boot's hook (or a JVM that never started one) still stop the server.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sleepQuietly(deleteData ? 2_000 : 25_000);
                stop.run();
            }, "embedded-postgres-stop"));
        } catch (ReflectiveOperationException e) {
            log.warn("Cannot take over the embedded PostgreSQL's shutdown (zonky changed?): it stops with the JVM", e);
        }
    }

    /**
     * Signals the postmaster (pg_ctl refuses to run as root, which these machines are): SIGTERM is PostgreSQL's
     * "smart" shutdown, immediate once Spring has closed its pool; SIGKILL only if it has not stopped after 30 s.
     */
    private static void stop(File dataDir, boolean deleteData) {
        try {
            Path pidFile = dataDir.toPath().resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
                ProcessHandle.of(pid).ifPresent(postmaster -> {
                    postmaster.destroy();
                    try {
                        postmaster.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        log.warn("The embedded PostgreSQL did not stop within 30 s; killing it");
                        postmaster.destroyForcibly();
                    }
                });
            }
            if (deleteData) {
                try (Stream<Path> walk = Files.walk(dataDir.toPath())) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = EmbeddedPostgres.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
