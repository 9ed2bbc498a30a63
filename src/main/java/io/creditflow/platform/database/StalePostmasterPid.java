package io.creditflow.platform.database;

import org.apache.commons.logging.Log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Recovery after a crash. The embedded PostgreSQL may have been left behind in two ways: a stale
 * {@code postmaster.pid} (power loss, both processes gone: PostgreSQL refuses to start until it is removed), or an
 * orphaned postmaster still running (the JVM was killed with {@code kill -9}; PostgreSQL outlived it). The data
 * directory's lock file tells them apart from a live Creditflow: a running Creditflow holds it. If nobody holds it, a
 * leftover postmaster is ours to stop and a leftover pid file is ours to remove.
 */
final class StalePostmasterPid {

    static final String LOCK_FILE = "epg-lock";

    private StalePostmasterPid() {
    }

    static void removeIfStale(Path dataDir, Log log) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (heldByAnotherProcess(dataDir.resolve(LOCK_FILE))) {
            throw new IllegalStateException("Another Creditflow is using the data directory " + dataDir
                    + " (or is still shutting down). Stop it first, or set CREDITFLOW_DATA_DIR to another directory.");
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : parse(lines.getFirst());
        Optional<ProcessHandle> postmaster = pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true)) : Optional.empty();
        if (postmaster.isPresent()) {
            log.warn("Stopping a PostgreSQL (pid " + pid + ") left running on " + dataDir + " by a Creditflow that crashed");
            postmaster.get().destroy();
            try {
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The orphaned PostgreSQL (pid " + pid + ") did not stop", e);
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed the stale " + pidFile + " of a PostgreSQL that is no longer running");
        }
    }

    private static boolean heldByAnotherProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    private static long parse(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
