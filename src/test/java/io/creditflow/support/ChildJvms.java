package io.creditflow.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Creditflow (or a test's own main class) in child JVMs on one persistent data directory, for tests that kill the
 * process the way an operator or a power cut would. Each child runs with the test's class path and 512 MiB of heap.
 * Register it with {@code @RegisterExtension}: every test gets a fresh data directory, and afterwards what is still
 * running is stopped, then the embedded PostgreSQL of the data directory (which outlives a killed JVM by design: the
 * next start takes it over), and only then is the directory removed.
 */
public final class ChildJvms implements BeforeEachCallback, AfterEachCallback {

    private final List<Process> started = new ArrayList<>();
    private Path dataDir;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("creditflow-child-jvm-");
        started.clear();
    }

    /** This test's data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Starts {@code mainClass} with {@code args}; its output goes to {@code output}, or to a pipe when null. */
    public Process start(String mainClass, Path output, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** The data directory's running PostgreSQL, found by its postmaster.pid. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pid = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().trim())).filter(ProcessHandle::isAlive);
    }

    /**
     * Stops every child still running (gracefully, then by force after 40 s), then the data directory's PostgreSQL,
     * waiting until it has exited (it may still write its WAL), then removes the directory.
     */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(40, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            postmaster.get().destroy();
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
