package io.creditflow.receivables.imports;

import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Reads a CSV file's valid rows into write batches on a thread of its own, at most {@value #AHEAD} batches ahead of
 * the consumer. Whatever the reader throws (a malformed line, an I/O error) is thrown again by {@link #next()}, in the
 * consumer's thread; closing stops the reader and waits for it, so no thread outlives the import.
 */
final class BatchReader implements AutoCloseable {

    static final int AHEAD = 2;

    /** Debtors (last description wins within the batch), invoices, and how many lines of the file were read. */
    record Batch(List<DebtorRow> debtors, List<InvoiceRow> invoices, long rowsRead) {
    }

    private record Failure(Throwable error) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private boolean finished;

    BatchReader(Supplier<CsvImport.Reading> opener, BitSet invalid, boolean debtorsOnly, int batchSize) {
        thread = Thread.ofPlatform().name("import-reader").daemon().unstarted(() -> {
            try {
                read(opener, invalid, debtorsOnly, batchSize);
                queue.put(END);
            } catch (InterruptedException e) {
                // closed by the consumer: nobody waits for more
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(new Failure(e));
                } catch (InterruptedException ignored) {
                    // closed by the consumer
                }
            }
        });
        thread.start();
    }

    private void read(Supplier<CsvImport.Reading> opener, BitSet invalid, boolean debtorsOnly, int batchSize)
            throws InterruptedException {
        Map<String, DebtorRow> debtors = new LinkedHashMap<>();
        List<InvoiceRow> invoices = new ArrayList<>(batchSize);
        long rows = 0;
        try (CsvImport.Reading reading = opener.get()) {
            for (CsvRecords.Record record; (record = reading.records().next()) != null; ) {
                rows++;
                if (invalid.get((int) record.line())) {
                    continue;
                }
                ParsedRow row = reading.mapper().map(record);
                if (row.debtor() != null) {
                    debtors.put(row.debtor().externalId(), row.debtor());
                }
                if (row.invoice() != null && !debtorsOnly) {
                    invoices.add(row.invoice());
                }
                if (debtors.size() >= batchSize || invoices.size() >= batchSize) {
                    queue.put(new Batch(List.copyOf(debtors.values()), List.copyOf(invoices), rows));
                    debtors.clear();
                    invoices.clear();
                }
            }
        }
        if (!debtors.isEmpty() || !invoices.isEmpty()) {
            queue.put(new Batch(List.copyOf(debtors.values()), List.copyOf(invoices), rows));
        }
    }

    /** The next batch, or null after the last. */
    @Nullable Batch next() {
        if (finished) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the file's next rows", e);
        }
        if (item == END) {
            finished = true;
            return null;
        }
        if (item instanceof Failure failure) {
            finished = true;
            if (failure.error() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure.error();
        }
        return (Batch) item;
    }

    @Override
    public void close() {
        finished = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
