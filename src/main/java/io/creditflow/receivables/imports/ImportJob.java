package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The state of one import as the API and the console show it. */
public record ImportJob(UUID id, ImportKind kind, ImportMode mode, boolean dryRun, @Nullable String format,
                        @Nullable String fileName, long fileSize, @Nullable UUID profileId, ImportStatus status,
                        long phaseRowsDone, @Nullable Long rowsEstimated, @Nullable Long rowsTotal, long rowsImported,
                        long rowsUnchanged, long rowsFailed, long debtorsCreated, long debtorsUpdated,
                        long invoicesCreated, long invoicesUpdated, long errorCount, @Nullable String message,
                        @Nullable String detected, int attempts, String createdBy, OffsetDateTime createdAt,
                        @Nullable OffsetDateTime phaseStartedAt, @Nullable OffsetDateTime finishedAt) {

    /** Rows the current phase has to go through: exact once validation has counted them, estimated before. */
    public @Nullable Long phaseRowsTotal() {
        return rowsTotal != null ? rowsTotal : rowsEstimated;
    }

    /** Rows per second of the current phase (or of the last one, once finished). */
    public long rowsPerSecond(OffsetDateTime now) {
        if (phaseStartedAt == null) {
            return 0;
        }
        OffsetDateTime end = finishedAt != null ? finishedAt : now;
        long millis = Math.max(1, Duration.between(phaseStartedAt, end).toMillis());
        return phaseRowsDone * 1000 / millis;
    }

    /** Percentage done of the current phase, 0-100. */
    public int percent() {
        if (status.isFinished()) {
            return 100;
        }
        Long total = phaseRowsTotal();
        if (total == null || total == 0) {
            return 0;
        }
        return (int) Math.min(99, phaseRowsDone * 100 / total);
    }
}
