package io.creditflow.payments.reconciliation;

import io.creditflow.payments.BankStatementImported;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.statement.BankStatementReader;
import io.creditflow.payments.statement.StatementFormatException;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.jooq.tables.records.BankImportRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.creditflow.jooq.Tables.BANK_IMPORT;

/**
 * Bank statement imports: through the API (the request waits for the result) or the console (the file is read in
 * the background while the page shows progress). Each file is imported in one transaction: a file that is malformed,
 * hostile or does not balance changes nothing. Progress is written in short transactions of its own, so it is
 * visible while the import runs.
 */
@Component
public class StatementImports implements org.springframework.beans.factory.DisposableBean {

    /** Where a bank entry's payer details are encrypted (under the import's key): for the privacy contributor. */
    public static final String DETAILS_PLACE = EntryStore.DETAILS_PLACE;

    private static final Logger log = LoggerFactory.getLogger(StatementImports.class);

    /** An import as the API and console show it. */
    public record Summary(UUID id, String fileName, String status, @Nullable String format, @Nullable String dialect,
                          int statements, int entries, int applied, int suggested, int unmatched, int duplicates,
                          int ignored, long bytesRead, @Nullable Long bytesTotal, @Nullable String error,
                          @Nullable String createdBy, OffsetDateTime createdAt, @Nullable OffsetDateTime finishedAt) {

        public int percent() {
            if ("COMPLETED".equals(status)) {
                return 100;
            }
            return bytesTotal == null || bytesTotal == 0 ? 0 : (int) Math.min(99, bytesRead * 100 / bytesTotal);
        }
    }

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final ImportSteps steps;
    private final PaymentSettingsStore settings;
    private final ApplicationEventPublisher events;
    /**
     * Console uploads are read in the background, two at a time per node (each holds a connection and a core). Not a
     * Spring executor bean: that would replace the application's default executor for asynchronous listeners.
     */
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("statement-import-", 1).daemon(true).factory());

    StatementImports(DSLContext dsl, TenantScope tenantScope, ImportSteps steps, PaymentSettingsStore settings,
                     ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.steps = steps;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Imports a file and returns what happened. A file that cannot be read or does not balance is refused with the
     * place and the reason (for an unbalanced statement, the difference), and nothing is applied.
     */
    public Summary importFile(String fileName, InputStream in, @Nullable Long size) {
        UUID tenant = TenantContext.require();
        UUID id = Ids.newId();
        tenantScope.inTenant(tenant, () -> create(id, fileName, size));
        run(tenant, id, in);
        return tenantScope.inTenant(tenant, () -> get(id));
    }

    /** Starts importing a file already on disk (the console's upload) and returns at once; the file is deleted after. */
    public UUID startInBackground(String fileName, Path file) {
        UUID tenant = TenantContext.require();
        UUID id = Ids.newId();
        long size = size(file);
        tenantScope.inTenant(tenant, () -> create(id, fileName, size));
        SecurityContext security = SecurityContextHolder.getContext();
        executor.execute(() -> {
            SecurityContextHolder.setContext(security);
            try (InputStream in = Files.newInputStream(file)) {
                run(tenant, id, in);
            } catch (BusinessRuleException e) {
                log.info("Statement import {} refused: {}", id, e.getMessage());
            } catch (IOException | RuntimeException e) {
                log.warn("Statement import {} failed", id, e);
            } finally {
                SecurityContextHolder.clearContext();
                delete(file);
            }
        });
        return id;
    }

    private void run(UUID tenant, UUID id, InputStream in) {
        AtomicLong read = new AtomicLong();
        InputStream counting = new Counting(in, read);
        try {
            tenantScope.inTenant(tenant, () -> {
                PaymentSettings current = settings.current();
                ImportRun run = new ImportRun(id, steps, current, counts -> progress(tenant, id, read.get(), counts));
                new BankStatementReader().read(counting, run);
                run.finish();
                complete(id, run, read.get());
                ImportCounts c = run.counts();
                events.publishEvent(new BankStatementImported(tenant, id, c.entries, c.applied, c.suggested,
                        c.unmatched, c.duplicates));
            });
        } catch (StatementFormatException e) {
            fail(tenant, id, e.getMessage());
            throw new BusinessRuleException(e.getMessage().contains("does not balance") ? "unbalanced-statement"
                    : "invalid-statement-file", e.getMessage());
        } catch (UncheckedIOException e) {
            fail(tenant, id, "the file could not be read: " + e.getMessage());
            throw new BusinessRuleException("invalid-statement-file", "The file could not be read.");
        } catch (RuntimeException e) {
            fail(tenant, id, "the import failed and applied nothing; try again or contact support");
            throw e;
        }
    }

    private void create(UUID id, String fileName, @Nullable Long size) {
        dsl.insertInto(BANK_IMPORT).set(BANK_IMPORT.TENANT_ID, TenantContext.require()).set(BANK_IMPORT.ID, id)
                .set(BANK_IMPORT.FILE_NAME, fileName.length() > 200 ? fileName.substring(0, 200) : fileName)
                .set(BANK_IMPORT.STATUS, "RUNNING").set(BANK_IMPORT.BYTES_TOTAL, size)
                .set(BANK_IMPORT.CREATED_BY, Actor.current().name()).execute();
    }

    private void progress(UUID tenant, UUID id, long read, ImportCounts c) {
        tenantScope.inTenant(tenant, () -> dsl.update(BANK_IMPORT).set(BANK_IMPORT.BYTES_READ, read)
                .set(BANK_IMPORT.ENTRIES, c.entries).set(BANK_IMPORT.APPLIED, c.applied)
                .set(BANK_IMPORT.SUGGESTED, c.suggested).set(BANK_IMPORT.UNMATCHED, c.unmatched)
                .set(BANK_IMPORT.DUPLICATES, c.duplicates).set(BANK_IMPORT.IGNORED, c.ignored)
                .set(BANK_IMPORT.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                .where(BANK_IMPORT.ID.eq(id)).and(BANK_IMPORT.STATUS.eq("RUNNING")).execute());
    }

    private void complete(UUID id, ImportRun run, long read) {
        ImportCounts c = run.counts();
        var header = run.firstHeader();
        dsl.update(BANK_IMPORT).set(BANK_IMPORT.STATUS, "COMPLETED")
                .set(BANK_IMPORT.FORMAT, header == null ? null : header.format().name())
                .set(BANK_IMPORT.DIALECT, header == null ? null : header.dialect())
                .set(BANK_IMPORT.BYTES_READ, read).set(BANK_IMPORT.STATEMENTS, c.statements)
                .set(BANK_IMPORT.ENTRIES, c.entries).set(BANK_IMPORT.APPLIED, c.applied)
                .set(BANK_IMPORT.SUGGESTED, c.suggested).set(BANK_IMPORT.UNMATCHED, c.unmatched)
                .set(BANK_IMPORT.DUPLICATES, c.duplicates).set(BANK_IMPORT.IGNORED, c.ignored)
                .set(BANK_IMPORT.FINISHED_AT, DSL.currentOffsetDateTime()).where(BANK_IMPORT.ID.eq(id)).execute();
    }

    private void fail(UUID tenant, UUID id, String error) {
        tenantScope.inTenant(tenant, () -> dsl.update(BANK_IMPORT).set(BANK_IMPORT.STATUS, "FAILED")
                .set(BANK_IMPORT.ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .set(BANK_IMPORT.ENTRIES, 0).set(BANK_IMPORT.APPLIED, 0).set(BANK_IMPORT.SUGGESTED, 0)
                .set(BANK_IMPORT.UNMATCHED, 0).set(BANK_IMPORT.DUPLICATES, 0).set(BANK_IMPORT.IGNORED, 0)
                .set(BANK_IMPORT.FINISHED_AT, DSL.currentOffsetDateTime()).where(BANK_IMPORT.ID.eq(id)).execute());
    }

    /**
     * Marks imports whose node stopped (a crash, a restart) as failed: their transaction was rolled back, so nothing
     * was applied and the file can simply be imported again.
     */
    public int failInterrupted(OffsetDateTime heartbeatBefore) {
        return dsl.update(BANK_IMPORT).set(BANK_IMPORT.STATUS, "FAILED")
                .set(BANK_IMPORT.ERROR, "the import was interrupted (the server stopped) and applied nothing; "
                        + "import the file again")
                .set(BANK_IMPORT.FINISHED_AT, DSL.currentOffsetDateTime())
                .where(BANK_IMPORT.STATUS.eq("RUNNING")).and(BANK_IMPORT.HEARTBEAT_AT.lt(heartbeatBefore)).execute();
    }

    public Summary get(UUID id) {
        return dsl.selectFrom(BANK_IMPORT).where(BANK_IMPORT.ID.eq(id)).fetchOptional().map(StatementImports::summary)
                .orElseThrow(() -> new NotFoundException("Bank statement import", id));
    }

    public CursorPage<Summary> list(@Nullable String cursor, int limit) {
        org.jooq.Condition condition = DSL.trueCondition();
        String after = CursorPage.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|");
            condition = DSL.row(BANK_IMPORT.CREATED_AT, BANK_IMPORT.ID)
                    .lt(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        }
        List<Summary> rows = dsl.selectFrom(BANK_IMPORT).where(condition)
                .orderBy(BANK_IMPORT.CREATED_AT.desc(), BANK_IMPORT.ID.desc()).limit(limit + 1)
                .fetch(StatementImports::summary);
        return CursorPage.of(rows, limit, s -> s.createdAt() + "|" + s.id());
    }

    private static Summary summary(BankImportRecord r) {
        return new Summary(r.getId(), r.getFileName(), r.getStatus(), r.getFormat(), r.getDialect(),
                r.getStatements(), r.getEntries(), r.getApplied(), r.getSuggested(), r.getUnmatched(),
                r.getDuplicates(), r.getIgnored(), r.getBytesRead(), r.getBytesTotal(), r.getError(),
                r.getCreatedBy(), r.getCreatedAt(), r.getFinishedAt());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete uploaded statement {}", file);
        }
    }

    /** Counts the bytes the parser has read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong read;

        Counting(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            read.addAndGet(skipped);
            return skipped;
        }
    }
}
