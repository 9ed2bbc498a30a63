package io.creditflow.privacy;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PRIVACY_LEGAL_HOLD;

/**
 * Legal reasons to keep a debtor's data although its erasure is asked (GDPR art. 17(3)(e): data needed for a legal
 * claim, such as an open collection case). The module that owns the reason places a hold when it arises and releases
 * it when it ends; an erasure asked meanwhile minimises what it can at once and completes by itself (key shredded,
 * final certificate) when the last hold is released.
 */
@Component
public class LegalHolds {

    /** An active hold: which module's reason ({@code kind}, e.g. "collection.case"), its reference and legal ground. */
    public record Hold(UUID debtorId, String kind, String reference, String ground, OffsetDateTime placedAt) {
    }

    /** The last hold of a debtor was released (a pending erasure may complete now). */
    public record HoldsReleased(UUID tenantId, UUID debtorId) {
    }

    private final DSLContext dsl;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    LegalHolds(DSLContext dsl, AuditLog audit, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.audit = audit;
        this.events = events;
    }

    /** Places (or keeps) a hold; idempotent per kind and reference. */
    @Transactional
    public void place(UUID debtorId, String kind, String reference, String ground) {
        dsl.insertInto(PRIVACY_LEGAL_HOLD).set(PRIVACY_LEGAL_HOLD.TENANT_ID, TenantContext.require())
                .set(PRIVACY_LEGAL_HOLD.DEBTOR_ID, debtorId).set(PRIVACY_LEGAL_HOLD.KIND, kind)
                .set(PRIVACY_LEGAL_HOLD.REFERENCE, reference).set(PRIVACY_LEGAL_HOLD.GROUND, ground)
                .set(PRIVACY_LEGAL_HOLD.PLACED_BY, Actor.current().name())
                .onConflict(PRIVACY_LEGAL_HOLD.TENANT_ID, PRIVACY_LEGAL_HOLD.KIND, PRIVACY_LEGAL_HOLD.REFERENCE)
                .doUpdate().set(PRIVACY_LEGAL_HOLD.RELEASED_AT, (OffsetDateTime) null).execute();
        audit.record(AuditEvent.of("privacy.legal-hold-placed", "debtor", debtorId).subject(debtorId)
                .detail("kind", kind).detail("reference", reference));
    }

    /** Releases a hold; when it was the debtor's last, announces {@link HoldsReleased}. */
    @Transactional
    public void release(String kind, String reference) {
        var released = dsl.update(PRIVACY_LEGAL_HOLD).set(PRIVACY_LEGAL_HOLD.RELEASED_AT, OffsetDateTime.now())
                .where(PRIVACY_LEGAL_HOLD.KIND.eq(kind)).and(PRIVACY_LEGAL_HOLD.REFERENCE.eq(reference))
                .and(PRIVACY_LEGAL_HOLD.RELEASED_AT.isNull())
                .returning(PRIVACY_LEGAL_HOLD.DEBTOR_ID).fetchOptional();
        released.ifPresent(r -> {
            UUID debtorId = r.getDebtorId();
            audit.record(AuditEvent.of("privacy.legal-hold-released", "debtor", debtorId).subject(debtorId)
                    .detail("kind", kind).detail("reference", reference));
            if (active(debtorId).isEmpty()) {
                events.publishEvent(new HoldsReleased(TenantContext.require(), debtorId));
            }
        });
    }

    public List<Hold> active(UUID debtorId) {
        return dsl.selectFrom(PRIVACY_LEGAL_HOLD).where(PRIVACY_LEGAL_HOLD.DEBTOR_ID.eq(debtorId))
                .and(PRIVACY_LEGAL_HOLD.RELEASED_AT.isNull()).orderBy(PRIVACY_LEGAL_HOLD.PLACED_AT)
                .fetch(r -> new Hold(r.getDebtorId(), r.getKind(), r.getReference(), r.getGround(), r.getPlacedAt()));
    }
}
