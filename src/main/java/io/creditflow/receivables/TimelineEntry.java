package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/**
 * One thing that happened to a debtor, for the debtor page's timeline: an invoice, a payment, a message sent, a check,
 * a dispute. {@code kind} is a short machine name, {@code text} what a credit manager reads.
 */
public record TimelineEntry(OffsetDateTime at, String kind, String text, @Nullable String link) {

    /** Modules add their part of a debtor's history by implementing this (dunning: messages; payments: plans). */
    public interface Contributor {
        java.util.List<TimelineEntry> timeline(java.util.UUID debtorId, int limit);
    }
}
