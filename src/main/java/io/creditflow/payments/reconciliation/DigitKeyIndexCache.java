package io.creditflow.payments.reconciliation;

import io.creditflow.payments.matching.DigitKeyIndex;
import io.creditflow.receivables.InvoiceRegistered;
import io.creditflow.receivables.InvoicesImported;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.creditflow.jooq.Tables.INVOICE;

/**
 * The typo-tolerant index of each tenant's open invoice numbers, built from the database when a payment first needs
 * it and kept for a while: rebuilding it costs about a second per million open invoices. New invoices mark it stale
 * on this node at once (after their commit); on other nodes an index is at most {@link #MAX_AGE} old. A stale index
 * only costs typo tolerance for the newest invoices: exact references and numbers always come from the database.
 */
@Component
class DigitKeyIndexCache {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration MIN_AGE_BEFORE_REBUILD = Duration.ofSeconds(30);

    private record Entry(DigitKeyIndex index, Instant builtAt, boolean stale) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Map<UUID, Entry> byTenant = new ConcurrentHashMap<>();

    DigitKeyIndexCache(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The tenant's index; the caller runs inside the tenant's transaction. */
    DigitKeyIndex get(UUID tenant) {
        Instant now = clock.instant();
        Entry entry = byTenant.get(tenant);
        if (entry != null && entry.builtAt().plus(MAX_AGE).isAfter(now)
                && (!entry.stale() || entry.builtAt().plus(MIN_AGE_BEFORE_REBUILD).isAfter(now))) {
            return entry.index();
        }
        DigitKeyIndex index = build();
        byTenant.put(tenant, new Entry(index, now, false));
        return index;
    }

    private DigitKeyIndex build() {
        DigitKeyIndex.Builder builder = DigitKeyIndex.builder();
        try (Cursor<Record1<String>> rows = dsl.select(OpenItemRows.DIGITS_KEY).from(INVOICE)
                .where(INVOICE.STATUS.in(OpenItemRows.OPEN_STATUSES)).and(INVOICE.KIND.eq("INVOICE"))
                .fetchSize(10_000).fetchLazy()) {
            for (Record1<String> row : rows) {
                if (row.value1() != null) {
                    builder.add(row.value1());
                }
            }
        }
        return builder.build();
    }

    @TransactionalEventListener
    void on(InvoiceRegistered event) {
        markStale(event.tenantId());
    }

    @TransactionalEventListener
    void on(InvoicesImported event) {
        markStale(event.tenantId());
    }

    void invalidate(UUID tenant) {
        byTenant.remove(tenant);
    }

    private void markStale(UUID tenant) {
        byTenant.computeIfPresent(tenant, (t, e) -> new Entry(e.index(), e.builtAt(), true));
    }
}
