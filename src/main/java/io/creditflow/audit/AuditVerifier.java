package io.creditflow.audit;

import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.UUID;

import static io.creditflow.jooq.Tables.AUDIT_CHAIN_HEAD;
import static io.creditflow.jooq.Tables.AUDIT_ENTRY;
import static io.creditflow.jooq.Tables.AUDIT_PENDING;

/**
 * Walks a tenant's chain from the first entry, recomputing every hash, and stops at the first entry that is missing,
 * altered or out of order. Streams the entries (constant memory whatever the length).
 */
@Component
public class AuditVerifier {

    private final DSLContext dsl;
    private final TenantScope tenantScope;

    AuditVerifier(DSLContext dsl, TenantScope tenantScope) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
    }

    public AuditVerification verify(UUID tenant) {
        return tenantScope.inTenant(tenant, () -> walk(tenant));
    }

    private AuditVerification walk(UUID tenant) {
        long pendingCount = dsl.fetchCount(AUDIT_PENDING, AUDIT_PENDING.TENANT_ID.eq(tenant));
        byte[] previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        try (var cursor = dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.TENANT_ID.eq(tenant))
                .orderBy(AUDIT_ENTRY.SEQ).fetchSize(2_000).fetchLazy()) {
            for (Record r : cursor) {
                long seq = r.get(AUDIT_ENTRY.SEQ);
                if (seq != expectedSeq) {
                    return broken(tenant, checked, expectedSeq, "entry " + expectedSeq + " is missing (next is " + seq
                            + ")", pendingCount);
                }
                if (!MessageDigest.isEqual(r.get(AUDIT_ENTRY.PREV_HASH), previous)) {
                    return broken(tenant, checked, seq, "entry " + seq
                            + " does not follow the entry before it (previous-hash mismatch)", pendingCount);
                }
                byte[] recomputed = AuditChain.hash(previous, tenant, new AuditChain.Content(seq,
                        r.get(AUDIT_ENTRY.OCCURRED_AT).toInstant(), r.get(AUDIT_ENTRY.ACTOR_TYPE),
                        r.get(AUDIT_ENTRY.ACTOR_ID), r.get(AUDIT_ENTRY.ACTOR_NAME), r.get(AUDIT_ENTRY.ACTION),
                        r.get(AUDIT_ENTRY.OBJECT_TYPE), r.get(AUDIT_ENTRY.OBJECT_ID), r.get(AUDIT_ENTRY.SUBJECT_ID),
                        r.get(AUDIT_ENTRY.SOURCE_IP), r.get(AUDIT_ENTRY.PURPOSE), r.get(AUDIT_ENTRY.DETAILS)));
                if (!MessageDigest.isEqual(recomputed, r.get(AUDIT_ENTRY.HASH))) {
                    return broken(tenant, checked, seq, "entry " + seq + " was altered (its content does not match "
                            + "its hash)", pendingCount);
                }
                previous = recomputed;
                expectedSeq++;
                checked++;
            }
        }
        var head = dsl.selectFrom(AUDIT_CHAIN_HEAD).where(AUDIT_CHAIN_HEAD.TENANT_ID.eq(tenant)).fetchOptional();
        long headSeq = head.map(h -> h.getSeq()).orElse(0L);
        if (headSeq != checked || head.isPresent() && !MessageDigest.isEqual(head.get().getHash(), previous)) {
            return broken(tenant, checked, checked + 1, "the chain ends at entry " + checked + " but its head records "
                    + headSeq + " entries: entries were removed from the end", pendingCount);
        }
        return new AuditVerification(tenant, checked, true, null, null, pendingCount);
    }

    private static AuditVerification broken(UUID tenant, long checked, long seq, String problem, long pending) {
        return new AuditVerification(tenant, checked, false, seq, problem, pending);
    }
}
