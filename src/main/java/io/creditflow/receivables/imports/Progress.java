package io.creditflow.receivables.imports;

import java.util.UUID;

/** Reports rows done to the import record at most every half second, so progress costs nothing measurable. */
final class Progress {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final ImportJobs jobs;
    private final UUID importId;
    private long lastReport = System.nanoTime();

    Progress(ImportJobs jobs, UUID importId) {
        this.jobs = jobs;
        this.importId = importId;
    }

    void rowsDone(long rows) {
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            jobs.progress(importId, rows);
        }
    }

    void phase(ImportStatus status, long rowsTotal) {
        jobs.phase(importId, status, rowsTotal);
        lastReport = System.nanoTime();
    }
}
