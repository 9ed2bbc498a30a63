package io.creditflow.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * After a hard kill (power loss, {@code kill -9}, a crashed container) PostgreSQL leaves {@code postmaster.pid}
 * behind and refuses to start. If the process it names is gone, the file is stale and safe to remove; if it is alive,
 * another Creditflow is using this data directory and we stop with a clear message.
 */
final class StalePostmasterPid {

    private static final Logger log = LoggerFactory.getLogger(StalePostmasterPid.class);

    private StalePostmasterPid() {
    }

    static void removeIfStale(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : parse(lines.getFirst());
        boolean alive = pid > 0 && ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true))
                .orElse(false);
        if (alive) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " is already running (pid " + pid
                    + "): is another Creditflow using this data directory?");
        }
        log.warn("Removing stale {} left by a PostgreSQL (pid {}) that is no longer running", pidFile, pid);
        Files.delete(pidFile);
    }

    private static long parse(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
