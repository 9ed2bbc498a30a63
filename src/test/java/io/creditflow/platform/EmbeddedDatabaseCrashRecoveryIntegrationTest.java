package io.creditflow.platform;

import io.creditflow.support.ChildJvms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creditflow as a user runs it (its own JVM, a persistent data directory, the demo) survives crashes: killed with
 * kill -9 (PostgreSQL outlives the JVM), and a power loss (both gone, a stale postmaster.pid left). Each time the next
 * start recovers by itself, reuses the data, and becomes ready (/actuator/health/readiness: after startup work).
 */
class EmbeddedDatabaseCrashRecoveryIntegrationTest {


    private final Map<Process, Path> logs = new HashMap<>();
    @RegisterExtension
    final ChildJvms jvms = new ChildJvms();

    @Test
    void recoversFromKillAndPowerLoss() throws Exception {
        Process first = start();
        assertThat(Files.readString(log(first))).contains("First start: creating the demo tenant");
        long orphan = postmaster().orElseThrow().pid();

        first.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
        Process second = start();
        assertThat(Files.readString(log(second))).doesNotContain("First start")
                .contains("Stopping a PostgreSQL (pid " + orphan + ") left running");

        long postmaster = postmaster().orElseThrow().pid();
        second.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
        Thread.sleep(500);
        assertThat(jvms.dataDir().resolve("postgres/postmaster.pid")).exists();
        Process third = start();
        assertThat(Files.readString(log(third))).doesNotContain("First start").contains("Removed the stale");

        third.destroy();
        assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1_000);
        assertThat(postmaster()).isEmpty();
    }

    private Process start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = jvms.dataDir().resolve("app-" + System.nanoTime() + ".log");
        Process process = jvms.start("io.creditflow.Creditflow", log, List.of("--server.port=" + port,
                "--creditflow.data-dir=" + jvms.dataDir(), "--creditflow.demo.debtors=40", "--logging.level.root=info"));
        logs.put(process, log);
        waitForHealth(port, process);
        return process;
    }

    private Path log(Process process) {
        return logs.get(process);
    }

    private static void waitForHealth(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("Creditflow exited while starting").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Creditflow did not become ready within 300 s");
    }

    private java.util.Optional<ProcessHandle> postmaster() throws IOException {
        return jvms.postmaster();
    }
}
