package io.creditflow.audit;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.creditflow.jooq.Tables.AUDIT_ENTRY;

/**
 * Reads the current tenant's sealed audit log: the entries about one data subject (for an access request: who read
 * or changed their data, when and why), and a filtered stream of entries in order (the auditor's export), which
 * holds one database cursor and constant memory however long the log is.
 */
@Component
public class AuditTrail {

    /** One sealed entry as it is stored (its hash in hex). */
    public record Entry(long seq, OffsetDateTime occurredAt, String actorType, @Nullable String actorId,
                        @Nullable String actorName, String action, @Nullable String objectType,
                        @Nullable String objectId, @Nullable UUID subjectId, @Nullable String sourceIp,
                        @Nullable String purpose, @Nullable String details, String hash) {
    }

    /** What to stream; every part optional. */
    public record Filter(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable String action,
                         @Nullable UUID subjectId, @Nullable String actor) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    private final DSLContext dsl;
    private final AuditSealer sealer;

    AuditTrail(DSLContext dsl, AuditSealer sealer) {
        this.dsl = dsl;
        this.sealer = sealer;
    }

    /**
     * Everything recorded about a data subject, oldest first: entries with it as subject, and list reads that showed
     * it (their details name the ids shown).
     */
    @Transactional(readOnly = true)
    public List<Entry> aboutSubject(UUID subjectId, int limit) {
        Condition listed = AUDIT_ENTRY.SUBJECT_ID.isNull().and(AUDIT_ENTRY.ACTION.endsWith(".list-read"))
                .and(AUDIT_ENTRY.DETAILS.contains(subjectId.toString()));
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SUBJECT_ID.eq(subjectId).or(listed))
                .orderBy(AUDIT_ENTRY.SEQ).limit(limit).fetch(AuditTrail::toEntry);
    }

    /** Streams the matching entries in chain order to {@code sink}; returns how many. */
    @Transactional(readOnly = true)
    public long stream(Filter filter, Consumer<Entry> sink) {
        long n = 0;
        try (var cursor = dsl.selectFrom(AUDIT_ENTRY).where(condition(filter)).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1_000)
                .fetchLazy()) {
            for (Record r : cursor) {
                sink.accept(toEntry(r));
                n++;
            }
        }
        return n;
    }

    /** The newest matching entries, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> latest(Filter filter, int limit) {
        return dsl.selectFrom(AUDIT_ENTRY).where(condition(filter)).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit)
                .fetch(AuditTrail::toEntry);
    }

    private static Condition condition(Filter filter) {
        Condition c = DSL.trueCondition();
        if (filter.from() != null) {
            c = c.and(AUDIT_ENTRY.OCCURRED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            c = c.and(AUDIT_ENTRY.OCCURRED_AT.lt(filter.to()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            c = c.and(AUDIT_ENTRY.ACTION.startsWith(filter.action()));
        }
        if (filter.subjectId() != null) {
            c = c.and(AUDIT_ENTRY.SUBJECT_ID.eq(filter.subjectId()));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            c = c.and(AUDIT_ENTRY.ACTOR_NAME.eq(filter.actor()).or(AUDIT_ENTRY.ACTOR_ID.eq(filter.actor())));
        }
        return c;
    }

    /** Seals what is pending for the tenant so that a read sees everything committed so far. */
    public void sealPending(UUID tenant) {
        sealer.seal(tenant);
    }

    private static Entry toEntry(Record r) {
        return new Entry(r.get(AUDIT_ENTRY.SEQ), r.get(AUDIT_ENTRY.OCCURRED_AT), r.get(AUDIT_ENTRY.ACTOR_TYPE),
                r.get(AUDIT_ENTRY.ACTOR_ID), r.get(AUDIT_ENTRY.ACTOR_NAME), r.get(AUDIT_ENTRY.ACTION),
                r.get(AUDIT_ENTRY.OBJECT_TYPE), r.get(AUDIT_ENTRY.OBJECT_ID), r.get(AUDIT_ENTRY.SUBJECT_ID),
                r.get(AUDIT_ENTRY.SOURCE_IP), r.get(AUDIT_ENTRY.PURPOSE), r.get(AUDIT_ENTRY.DETAILS),
                java.util.HexFormat.of().formatHex(r.get(AUDIT_ENTRY.HASH)));
    }
}
