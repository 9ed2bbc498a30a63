package io.creditflow.privacy;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PRIVACY_RESTRICTION;

/**
 * Restriction of processing (GDPR art. 18): while a debtor is restricted their data is stored only. Every module that
 * acts on debtors asks here (or joins {@code privacy_restriction} in set-based SQL) and skips them: no dunning message,
 * no score, no credit check uses the data. Restricting and lifting are audited and announced as events.
 */
@Component
public class Restrictions {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    private final ObjectProvider<DataSubjectRequests> requests;

    Restrictions(DSLContext dsl, AuditLog audit, ApplicationEventPublisher events,
                 ObjectProvider<DataSubjectRequests> requests) {
        this.dsl = dsl;
        this.audit = audit;
        this.events = events;
        this.requests = requests;
    }

    /** A debtor was restricted (true) or the restriction lifted (false). */
    public record RestrictionChanged(UUID tenantId, UUID debtorId, boolean restricted) {
    }

    /** Restricts on a data subject's request, completing that RESTRICTION (or OBJECTION) request when given. */
    @Transactional
    public void restrict(UUID debtorId, String reason, @Nullable UUID requestId) {
        restrict(debtorId, reason);
        if (requestId != null) {
            DataSubjectRequests register = requests.getObject();
            if (register.get(requestId).type() == DataSubjectRequests.Type.RESTRICTION) {
                register.completeIfOpen(requestId, debtorId, DataSubjectRequests.Type.RESTRICTION, "RESTRICTED",
                        "restriction of " + debtorId);
            }
        }
    }

    @Transactional
    public void restrict(UUID debtorId, String reason) {
        dsl.insertInto(PRIVACY_RESTRICTION).set(PRIVACY_RESTRICTION.TENANT_ID, TenantContext.require())
                .set(PRIVACY_RESTRICTION.DEBTOR_ID, debtorId).set(PRIVACY_RESTRICTION.REASON, reason)
                .set(PRIVACY_RESTRICTION.RESTRICTED_BY, Actor.current().name())
                .onConflictDoNothing().execute();
        audit.record(AuditEvent.of("privacy.restricted", "debtor", debtorId).subject(debtorId));
        events.publishEvent(new RestrictionChanged(TenantContext.require(), debtorId, true));
    }

    @Transactional
    public void lift(UUID debtorId, String reason) {
        dsl.deleteFrom(PRIVACY_RESTRICTION).where(PRIVACY_RESTRICTION.DEBTOR_ID.eq(debtorId)).execute();
        // the reason is free text (it may describe the person): it goes to no immutable log
        audit.record(AuditEvent.of("privacy.restriction-lifted", "debtor", debtorId).subject(debtorId));
        events.publishEvent(new RestrictionChanged(TenantContext.require(), debtorId, false));
    }

    /** Since when and why the debtor is restricted, if it is. */
    public Optional<Restriction> restriction(UUID debtorId) {
        return dsl.selectFrom(PRIVACY_RESTRICTION).where(PRIVACY_RESTRICTION.DEBTOR_ID.eq(debtorId)).fetchOptional()
                .map(r -> new Restriction(r.getDebtorId(), r.getReason(), r.getRestrictedAt(), r.getRestrictedBy()));
    }

    public record Restriction(UUID debtorId, String reason, OffsetDateTime since, String by) {
    }

    public boolean isRestricted(UUID debtorId) {
        return dsl.fetchExists(PRIVACY_RESTRICTION, PRIVACY_RESTRICTION.DEBTOR_ID.eq(debtorId));
    }

    /** Which of these debtors are restricted (one query). */
    public Set<UUID> restrictedAmong(Collection<UUID> debtorIds) {
        if (debtorIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.select(PRIVACY_RESTRICTION.DEBTOR_ID).from(PRIVACY_RESTRICTION)
                .where(PRIVACY_RESTRICTION.DEBTOR_ID.in(debtorIds)).fetch(PRIVACY_RESTRICTION.DEBTOR_ID));
    }
}
