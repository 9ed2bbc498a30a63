package io.creditflow.receivables.imports;

import io.creditflow.platform.PlannerStatistics;
import io.creditflow.platform.database.CopyIn;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.List;

/**
 * A CSV import in passes over the file, never holding more than a few batches of rows in memory. Pass 1 parses and
 * validates every row and copies each row's keys (line, invoice number, debtor id, a fingerprint of the debtor's
 * details) into a session table, where SQL finds what no single row shows: duplicate invoice numbers, a debtor
 * described differently on two rows, invoices of unknown debtors, amounts below what was already paid. Pass 2 writes
 * the rows that passed through {@link BulkIntake} in batches (preceded by a debtors-only pass when an invoice refers
 * to a debtor defined further down the file). The caller's transaction decides what is kept.
 */
@Component
class CsvImport {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Rows an import writes before it first refreshes planner statistics of the tables it fills. */
    private static final long STATISTICS_AFTER_ROWS = 20_000;

    private final DSLContext dsl;
    private final CopyIn copyIn;
    private final BulkIntake intake;
    private final CrossRowChecks crossRowChecks;
    private final PlannerStatistics statistics;
    private final int maxField;
    private final int batchSize;

    CsvImport(DSLContext dsl, CopyIn copyIn, BulkIntake intake, CrossRowChecks crossRowChecks,
              PlannerStatistics statistics,
              @Value("${creditflow.receivables.imports.max-field-length:1000}") int maxField,
              @Value("${creditflow.receivables.imports.batch-size:5000}") int batchSize) {
        this.dsl = dsl;
        this.copyIn = copyIn;
        this.intake = intake;
        this.crossRowChecks = crossRowChecks;
        this.statistics = statistics;
        this.maxField = maxField;
        this.batchSize = batchSize;
    }

    /** What pass 1 found: how the file reads, how many rows, which lines are bad. */
    record Validation(String detected, long rows, BitSet invalidLines, long invalidRows, boolean forwardReferences) {
    }

    /** A rough row count for the progress bar before validation has counted exactly: the number of line breaks. */
    static long estimateRows(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Validation validate(Path file, ImportProfile profile, ErrorSink errors, Progress progress) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        crossRowChecks.prepare();
        long rows = 0;
        String detected;
        try (Reading reading = open(file, profile, salt, true)) {
            detected = reading.detected();
            CrossRowChecks.Keys keys = crossRowChecks.keys();
            for (CsvRecords.Record record; (record = reading.records.next()) != null; ) {
                ParsedRow row = reading.mapper.map(record);
                errors.addAll(row.errors());
                keys.add(row);
                rows++;
                progress.rowsDone(rows);
            }
            keys.flush();
        }
        List<RowError> crossRow = crossRowChecks.run(profile);
        errors.addAll(crossRow);
        BitSet invalid = crossRowChecks.invalidLines();
        boolean forward = profile.kind() == ImportKind.INVOICES && crossRowChecks.hasForwardReferences();
        return new Validation(detected, rows, invalid, invalid.cardinality(), forward);
    }

    BulkIntake.Result write(Path file, ImportProfile profile, Validation validation, Progress progress) {
        BulkIntake.Result result = BulkIntake.Result.NONE;
        if (validation.forwardReferences()) {
            result = pass(file, profile, validation.invalidLines(), true, progress);
        }
        return result.plus(pass(file, profile, validation.invalidLines(), false, progress));
    }

    /**
     * One write pass. The file is read and its rows mapped on a reader thread, one batch ahead of the transaction's
     * thread, which looks up, encrypts and writes: parsing the next batch overlaps the database's work on this one
     * (the write pass is bound by the single backend of the import's transaction, so the other core was idle while
     * the file was parsed). At most two batches wait between the two, so memory stays bounded whatever the size.
     */
    private BulkIntake.Result pass(Path file, ImportProfile profile, BitSet invalid, boolean debtorsOnly,
                                   Progress progress) {
        BulkIntake.Result result = BulkIntake.Result.NONE;
        PlannerStatistics.Growth written = PlannerStatistics.growth(STATISTICS_AFTER_ROWS);
        try (BatchReader reader = new BatchReader(() -> open(file, profile, new byte[16], false), invalid,
                debtorsOnly, batchSize)) {
            for (BatchReader.Batch batch; (batch = reader.next()) != null; ) {
                result = result.plus(flush(batch.debtors(), batch.invoices(), written));
                progress.rowsDone(batch.rowsRead());
            }
        }
        return result;
    }

    private BulkIntake.Result flush(List<DebtorRow> debtors, List<InvoiceRow> invoices,
                                    PlannerStatistics.Growth written) {
        BulkIntake.Result r = intake.write(debtors, invoices, "IMPORT");
        if (written.add(debtors.size() + invoices.size())) {
            // this import's own rows, still uncommitted, are what the next batches' lookups and checks search
            statistics.refresh(BulkIntake.TABLES.toArray(String[]::new));
        }
        return r;
    }

    private Reading open(Path file, ImportProfile profile, byte[] salt, boolean checks) {
        return open(file, profile, salt, checks, maxField);
    }

    static Reading open(Path file, ImportProfile profile, byte[] salt, boolean checks, int maxField) {
        try {
            TextEncoding.Decoded decoded = TextEncoding.open(Files.newInputStream(file), profile.encoding());
            CsvRecords records = new CsvRecords(decoded.reader(), decoded.charset(), maxField);
            char separator = records.useSeparator(profile.separator());
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new ImportFormatException(1L, null, "the file is empty: a header line and at least one row "
                        + "are expected");
            }
            CsvRowMapper mapper = CsvRowMapper.forHeader(profile, header, salt, checks);
            String detected = "{\"encoding\":\"" + decoded.name() + "\",\"byteOrderMark\":" + decoded.byteOrderMark()
                    + ",\"separator\":\"" + (separator == '\t' ? "TAB" : String.valueOf(separator)) + "\"}";
            return new Reading(decoded, records, mapper, detected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Reading(TextEncoding.Decoded decoded, CsvRecords records, CsvRowMapper mapper, String detected)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                decoded.reader().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
