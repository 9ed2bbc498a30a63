package io.creditflow.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A category of data with a retention period, enforced by the privacy module's daily retention job (and its dry run).
 * Modules declare theirs as beans; a tenant may set its own period per category (the default applies otherwise).
 * Two shapes: records that simply go (old messages, idempotency responses) are counted and deleted here; data about
 * a person as a whole (an inactive debtor) is handed to the {@link SubjectEraser}, which erases the person through
 * every module with a certificate, as an erasure request would.
 */
public interface RetentionCategory {

    /** Stable name, {@code <module>.<what>}. */
    String category();

    /** What is removed, and counted from when ("debtors without open invoices, N days after the last settlement"). */
    String description();

    int defaultDays();

    /** Why that long (the law or the reason). */
    String ground();

    /** How much is due for removal at {@code cutoff} (now minus the period): what a dry run reports. */
    long due(OffsetDateTime cutoff);

    /** Removes what is due; returns how much. Runs in the tenant, in one transaction per category. */
    long remove(OffsetDateTime cutoff, SubjectEraser eraser);

    /** Erases a data subject as a whole (every module, key shredded, certificate with reason RETENTION). */
    interface SubjectEraser {
        void erase(UUID debtorId);
    }
}
