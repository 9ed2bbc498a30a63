package io.creditflow.receivables.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Collects an import's errors and writes them out a thousand at a time (constant memory however many there are). */
final class ErrorSink {

    private final ImportJobs jobs;
    private final UUID importId;
    private final List<RowError> pending = new ArrayList<>();
    private int written;

    ErrorSink(ImportJobs jobs, UUID importId) {
        this.jobs = jobs;
        this.importId = importId;
    }

    void add(RowError error) {
        pending.add(error);
        if (pending.size() >= 1_000) {
            flush();
        }
    }

    void addAll(List<RowError> errors) {
        errors.forEach(this::add);
    }

    void flush() {
        jobs.addErrors(importId, written, pending);
        written += pending.size();
        pending.clear();
    }

    long count() {
        return written + pending.size();
    }
}
