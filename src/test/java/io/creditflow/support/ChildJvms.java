package io.creditflow.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Creditflow (or a test's own main class) in child JVMs on one persistent data directory, for tests that kill the
 * process the way an operator or a power cut would. Each child runs with the test's class path and 512 MiB of heap.
 * {@link #close()} stops what is still running, then the embedded PostgreSQL of the data directory, which outlives a
 * killed JVM by design (the next start takes it over).
 */
public final class ChildJvms implements AutoCloseable {

    private final Path dataDir;
    private final List<Process> started = new ArrayList<>();

    public ChildJvms(Path dataDir) {
        this.dataDir = dataDir;
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

    /** Stops every child still running (gracefully, then by force after 40 s), then the data directory's PostgreSQL. */
    @Override
    public void close() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(40, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
        postmaster().ifPresent(ProcessHandle::destroy);
    }
}
