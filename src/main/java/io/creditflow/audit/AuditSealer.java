package io.creditflow.audit;

import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.creditflow.jooq.Tables.AUDIT_CHAIN_HEAD;
import static io.creditflow.jooq.Tables.AUDIT_PENDING;

/**
 * Moves committed pending entries into the tenant's hash chain, in the order they became visible, under a lock on the
 * tenant's chain head (so any number of nodes may seal concurrently and the chain stays linear). Triggered after each
 * commit that recorded something, and by a periodic job for whatever a crash left behind.
 *
 * <p>A triggered seal waits {@code creditflow.audit.seal-delay} (default 100 ms) before it runs, so the entries that
 * commit in that window are sealed in one transaction: under a steady stream of audited actions (credit checks at
 * hundreds a second) sealing per commit cost four statements and a transaction per action. Nothing is at risk in the
 * wait: a pending entry is already durable, it committed with the action. Whoever reads the chain (console, API,
 * verification, export) seals first, synchronously.
 */
@Component
public class AuditSealer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 2_000;

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final Set<UUID> requested = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-sealer");
        t.setDaemon(true);
        return t;
    });
    private final long delayMicros;
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();

    private final javax.sql.DataSource dataSource;

    AuditSealer(DSLContext dsl, javax.sql.DataSource dataSource, TenantScope tenantScope,
                @Value("${creditflow.audit.seal-delay:100ms}") Duration delay) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.tenantScope = tenantScope;
        this.delayMicros = delay.toNanos() / 1_000;
    }

    void requestSeal(UUID tenant) {
        if (requested.add(tenant)) {
            try {
                worker.schedule(() -> {
                    requested.remove(tenant);
                    try {
                        seal(tenant);
                    } catch (RuntimeException e) {
                        log.warn("Sealing the audit chain of tenant {} failed; the periodic job will retry", tenant, e);
                    }
                }, delayMicros, TimeUnit.MICROSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down: the entry is committed and pending; the periodic job seals it on the next start
                requested.remove(tenant);
            }
        }
    }

    /** Seals everything pending for every tenant; returns the number of entries sealed. */
    public int sealAllPending() {
        List<UUID> tenants = dsl.resultQuery("select audit_tenants_pending()").fetch(0, UUID.class);
        int sealed = 0;
        for (UUID tenant : tenants) {
            sealed += seal(tenant);
        }
        return sealed;
    }

    /** Seals the tenant's pending entries; returns how many. */
    public int seal(UUID tenant) {
        int total = 0;
        int sealed;
        do {
            sealed = tenantScope.inTenant(tenant, () -> sealBatch(tenant));
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch(UUID tenant) {
        // a chain head is created only when there is something to seal: a seal that comes late (it waits the delay)
        // for a tenant deleted meanwhile must not leave a head behind for it
        dsl.insertInto(AUDIT_CHAIN_HEAD, AUDIT_CHAIN_HEAD.TENANT_ID, AUDIT_CHAIN_HEAD.SEQ, AUDIT_CHAIN_HEAD.HASH)
                .select(DSL.select(DSL.val(tenant), DSL.val(0L), DSL.val(AuditChain.GENESIS))
                        .whereExists(DSL.selectOne().from(AUDIT_PENDING).where(AUDIT_PENDING.TENANT_ID.eq(tenant))))
                .onConflictDoNothing().execute();
        var found = dsl.selectFrom(AUDIT_CHAIN_HEAD).where(AUDIT_CHAIN_HEAD.TENANT_ID.eq(tenant)).forUpdate()
                .fetchOptional();
        if (found.isEmpty()) {
            return 0; // never sealed and nothing pending
        }
        var head = found.get();
        List<Record> pending = new ArrayList<>(dsl.deleteFrom(AUDIT_PENDING)
                .where(AUDIT_PENDING.TENANT_ID.eq(tenant))
                .and(AUDIT_PENDING.ID.in(dsl.select(AUDIT_PENDING.ID).from(AUDIT_PENDING)
                        .where(AUDIT_PENDING.TENANT_ID.eq(tenant)).orderBy(AUDIT_PENDING.ID).limit(BATCH)))
                .returning().fetch());
        if (pending.isEmpty()) {
            return 0;
        }
        batches.increment();
        pending.sort(Comparator.comparing(r -> r.get(AUDIT_PENDING.ID)));
        long seq = head.getSeq();
        byte[] previous = head.getHash();
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (Record p : pending) {
            seq++;
            var occurred = p.get(AUDIT_PENDING.OCCURRED_AT);
            AuditChain.Content content = new AuditChain.Content(seq, occurred.toInstant(),
                    p.get(AUDIT_PENDING.ACTOR_TYPE), p.get(AUDIT_PENDING.ACTOR_ID), p.get(AUDIT_PENDING.ACTOR_NAME),
                    p.get(AUDIT_PENDING.ACTION), p.get(AUDIT_PENDING.OBJECT_TYPE), p.get(AUDIT_PENDING.OBJECT_ID),
                    p.get(AUDIT_PENDING.SUBJECT_ID), p.get(AUDIT_PENDING.SOURCE_IP), p.get(AUDIT_PENDING.PURPOSE),
                    p.get(AUDIT_PENDING.DETAILS));
            byte[] hash = AuditChain.hash(previous, tenant, content);
            rows.add(new Object[] {tenant, seq, occurred, content.actorType(), content.actorId(), content.actorName(),
                    content.action(), content.objectType(), content.objectId(), content.subjectId(),
                    content.sourceIp(), content.purpose(), content.details(), previous, hash});
            previous = hash;
        }
        ConstantInsert.run(dataSource, INSERT_ENTRY, rows, "Failed sealing audit entries");
        dsl.update(AUDIT_CHAIN_HEAD).set(AUDIT_CHAIN_HEAD.SEQ, seq).set(AUDIT_CHAIN_HEAD.HASH, previous)
                .where(AUDIT_CHAIN_HEAD.TENANT_ID.eq(tenant)).execute();
        return pending.size();
    }

    /** One constant statement, batched (a multi-row insert rendered by jOOQ per seal cost more than the insert). */
    private static final String INSERT_ENTRY = """
            insert into audit_entry (tenant_id, seq, occurred_at, actor_type, actor_id, actor_name, action, object_type,
                                     object_id, subject_id, source_ip, purpose, details, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Batches sealed since start, all tenants (a test's window on coalescing). */
    long batchesSealed() {
        return batches.sum();
    }

    /**
     * Runs the seals already scheduled (at most one delay away) while the database is still there, so a graceful
     * shutdown leaves nothing for the periodic job; a seal that does not finish in time is left to that job.
     */
    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("Audit sealing did not finish before shutdown; the periodic job seals the rest on the next start");
        }
    }
}
