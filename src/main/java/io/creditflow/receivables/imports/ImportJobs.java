package io.creditflow.receivables.imports;

import io.creditflow.jooq.tables.records.ImportJobRecord;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.web.CursorPage;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static io.creditflow.jooq.Tables.IMPORT_ERROR;
import static io.creditflow.jooq.Tables.IMPORT_JOB;

/**
 * The import records. Progress, errors and outcomes are written in short transactions of their own (REQUIRES_NEW),
 * apart from the long transaction that writes the data: they are visible while it runs and they survive its
 * rollback (an all-or-nothing import that fails keeps its error report).
 */
@Component
public class ImportJobs {

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final Clock clock;

    ImportJobs(DSLContext dsl, TenantScope tenantScope, Clock clock) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.clock = clock;
    }

    record NewJob(UUID id, ImportKind kind, ImportMode mode, boolean dryRun, String format, @Nullable String fileName,
                  long fileSize, byte[] sha256, @Nullable UUID profileId, String createdBy) {
    }

    void create(NewJob j) {
        dsl.insertInto(IMPORT_JOB).set(IMPORT_JOB.TENANT_ID, TenantContext.require()).set(IMPORT_JOB.ID, j.id())
                .set(IMPORT_JOB.KIND, j.kind().name()).set(IMPORT_JOB.MODE, j.mode().name())
                .set(IMPORT_JOB.DRY_RUN, j.dryRun()).set(IMPORT_JOB.FORMAT, j.format())
                .set(IMPORT_JOB.FILE_NAME, j.fileName()).set(IMPORT_JOB.FILE_SIZE, j.fileSize())
                .set(IMPORT_JOB.FILE_SHA256, j.sha256()).set(IMPORT_JOB.PROFILE_ID, j.profileId())
                .set(IMPORT_JOB.STATUS, ImportStatus.QUEUED.name()).set(IMPORT_JOB.CREATED_BY, j.createdBy())
                .set(IMPORT_JOB.CREATED_AT, now()).execute();
    }

    public ImportJob get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Import", id));
    }

    public Optional<ImportJob> find(UUID id) {
        return dsl.selectFrom(IMPORT_JOB).where(IMPORT_JOB.ID.eq(id)).fetchOptional().map(ImportJobs::toJob);
    }

    public CursorPage<ImportJob> list(@Nullable String cursor, int limit) {
        org.jooq.Condition condition = DSL.trueCondition();
        String after = CursorPage.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|");
            condition = DSL.row(IMPORT_JOB.CREATED_AT, IMPORT_JOB.ID)
                    .lt(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        }
        List<ImportJob> rows = dsl.selectFrom(IMPORT_JOB).where(condition)
                .orderBy(IMPORT_JOB.CREATED_AT.desc(), IMPORT_JOB.ID.desc()).limit(limit + 1)
                .fetch(ImportJobs::toJob);
        return CursorPage.of(rows, limit, j -> j.createdAt() + "|" + j.id());
    }

    /** The first errors, in line order (the API shows these; the CSV download has all). */
    public List<RowError> errors(UUID id, int limit) {
        return dsl.selectFrom(IMPORT_ERROR).where(IMPORT_ERROR.IMPORT_ID.eq(id))
                .orderBy(IMPORT_ERROR.LINE.asc().nullsFirst(), IMPORT_ERROR.SEQ).limit(limit)
                .fetch(r -> new RowError(r.getLine(), r.getColumnName(), r.getMessage()));
    }

    /** Every error in line order, streamed (a file with a million bad rows has a million errors). */
    public void forEachError(UUID id, Consumer<RowError> consumer) {
        try (var cursor = dsl.selectFrom(IMPORT_ERROR).where(IMPORT_ERROR.IMPORT_ID.eq(id))
                .orderBy(IMPORT_ERROR.LINE.asc().nullsFirst(), IMPORT_ERROR.SEQ).fetchSize(2_000).fetchLazy()) {
            cursor.forEach(r -> consumer.accept(new RowError(r.getLine(), r.getColumnName(), r.getMessage())));
        }
    }

    /** Claims the job for a run: returns false when it already finished (a duplicate or late execution). */
    boolean start(UUID id) {
        return own(() -> dsl.update(IMPORT_JOB).set(IMPORT_JOB.ATTEMPTS, IMPORT_JOB.ATTEMPTS.plus(1))
                .set(IMPORT_JOB.STATUS, ImportStatus.VALIDATING.name())
                .set(IMPORT_JOB.PHASE_ROWS_DONE, 0L).set(IMPORT_JOB.ROWS_TOTAL, (Long) null)
                .set(IMPORT_JOB.ERROR_COUNT, 0L).set(IMPORT_JOB.PHASE_STARTED_AT, now())
                .where(IMPORT_JOB.ID.eq(id))
                .and(IMPORT_JOB.STATUS.in(ImportStatus.QUEUED.name(), ImportStatus.VALIDATING.name(),
                        ImportStatus.IMPORTING.name()))
                .execute() == 1 && dsl.deleteFrom(IMPORT_ERROR).where(IMPORT_ERROR.IMPORT_ID.eq(id)).execute() >= 0);
    }

    void estimate(UUID id, long rows, String detected) {
        own(() -> dsl.update(IMPORT_JOB).set(IMPORT_JOB.ROWS_ESTIMATED, rows)
                .set(IMPORT_JOB.DETECTED, org.jooq.JSONB.valueOf(detected)).where(IMPORT_JOB.ID.eq(id)).execute());
    }

    void phase(UUID id, ImportStatus status, long rowsTotal) {
        own(() -> dsl.update(IMPORT_JOB).set(IMPORT_JOB.STATUS, status.name()).set(IMPORT_JOB.ROWS_TOTAL, rowsTotal)
                .set(IMPORT_JOB.PHASE_ROWS_DONE, 0L).set(IMPORT_JOB.PHASE_STARTED_AT, now())
                .where(IMPORT_JOB.ID.eq(id)).execute());
    }

    void progress(UUID id, long rowsDone) {
        own(() -> dsl.update(IMPORT_JOB).set(IMPORT_JOB.PHASE_ROWS_DONE, rowsDone).where(IMPORT_JOB.ID.eq(id))
                .execute());
    }

    /** Appends errors, numbered from {@code firstSeq}. */
    void addErrors(UUID id, int firstSeq, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        own(() -> {
            UUID tenant = TenantContext.require();
            for (int from = 0; from < errors.size(); from += 1_000) {
                var insert = dsl.insertInto(IMPORT_ERROR, IMPORT_ERROR.TENANT_ID, IMPORT_ERROR.IMPORT_ID,
                        IMPORT_ERROR.SEQ, IMPORT_ERROR.LINE, IMPORT_ERROR.COLUMN_NAME, IMPORT_ERROR.MESSAGE);
                for (int i = from; i < Math.min(errors.size(), from + 1_000); i++) {
                    RowError e = errors.get(i);
                    insert = insert.values(tenant, id, firstSeq + i, e.line(), e.column(), e.message());
                }
                insert.execute();
            }
            return dsl.update(IMPORT_JOB).set(IMPORT_JOB.ERROR_COUNT, IMPORT_JOB.ERROR_COUNT.plus(errors.size()))
                    .where(IMPORT_JOB.ID.eq(id)).execute();
        });
    }

    /** The outcome in numbers. */
    record Outcome(ImportStatus status, long rowsTotal, long rowsImported, long rowsUnchanged, long rowsFailed,
                   long debtorsCreated, long debtorsUpdated, long invoicesCreated, long invoicesUpdated,
                   @Nullable String message) {
    }

    void finish(UUID id, Outcome o) {
        own(() -> dsl.update(IMPORT_JOB).set(IMPORT_JOB.STATUS, o.status().name())
                .set(IMPORT_JOB.ROWS_TOTAL, o.rowsTotal()).set(IMPORT_JOB.ROWS_IMPORTED, o.rowsImported())
                .set(IMPORT_JOB.ROWS_UNCHANGED, o.rowsUnchanged()).set(IMPORT_JOB.ROWS_FAILED, o.rowsFailed())
                .set(IMPORT_JOB.DEBTORS_CREATED, o.debtorsCreated()).set(IMPORT_JOB.DEBTORS_UPDATED, o.debtorsUpdated())
                .set(IMPORT_JOB.INVOICES_CREATED, o.invoicesCreated())
                .set(IMPORT_JOB.INVOICES_UPDATED, o.invoicesUpdated()).set(IMPORT_JOB.MESSAGE, o.message())
                .set(IMPORT_JOB.FINISHED_AT, now()).where(IMPORT_JOB.ID.eq(id)).execute());
    }

    private <T> T own(java.util.function.Supplier<T> work) {
        return tenantScope.inTenant(TenantContext.require(), work);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static ImportJob toJob(ImportJobRecord r) {
        return new ImportJob(r.getId(), ImportKind.valueOf(r.getKind()), ImportMode.valueOf(r.getMode()),
                r.getDryRun(), r.getFormat(), r.getFileName(), r.getFileSize(), r.getProfileId(),
                ImportStatus.valueOf(r.getStatus()), r.getPhaseRowsDone(), r.getRowsEstimated(), r.getRowsTotal(),
                r.getRowsImported(), r.getRowsUnchanged(), r.getRowsFailed(), r.getDebtorsCreated(),
                r.getDebtorsUpdated(), r.getInvoicesCreated(), r.getInvoicesUpdated(), r.getErrorCount(),
                r.getMessage(), r.getDetected() == null ? null : r.getDetected().data(), r.getAttempts(),
                r.getCreatedBy(), r.getCreatedAt(), r.getPhaseStartedAt(), r.getFinishedAt());
    }
}
