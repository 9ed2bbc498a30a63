package io.creditflow.privacy.records;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.ValidationException;
import io.creditflow.jooq.tables.records.BreachRecord;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.BREACH;
import static io.creditflow.jooq.Tables.BREACH_NOTIFICATION;
import static io.creditflow.jooq.Tables.BREACH_TENANT;

/**
 * The operator's breach register (GDPR art. 33(2) and 33(5)): every personal-data breach, notified or not, with its
 * detection time, scope, the affected tenants with the data subjects and records involved (computed from the audit
 * log for the breach's time window, actor and source address), and each notification to a tenant with its time. The
 * 72-hour clock runs from detection: the controller must notify the authority within 72 hours of becoming aware, so
 * the processor tells it well before.
 */
@Component
public class BreachRegister {

    public static final Duration AUTHORITY_DEADLINE = Duration.ofHours(72);

    public record Breach(UUID id, String title, String description, OffsetDateTime detectedAt,
                         OffsetDateTime windowFrom, OffsetDateTime windowTo, @Nullable String actorFilter,
                         @Nullable String ipFilter, String status, @Nullable String measures, OffsetDateTime createdAt,
                         String createdBy, List<Affected> affected) {

        public OffsetDateTime deadline() {
            return detectedAt.plus(AUTHORITY_DEADLINE);
        }

        /** Hours left on the 72-hour clock (negative once it has run out). */
        public long hoursLeft(OffsetDateTime now) {
            return Duration.between(now, deadline()).toHours();
        }

        public long subjects() {
            return affected.stream().mapToLong(Affected::subjects).sum();
        }

        public long records() {
            return affected.stream().mapToLong(Affected::records).sum();
        }

        public boolean allNotified() {
            return affected.stream().allMatch(a -> a.notifiedAt() != null);
        }
    }

    public record Affected(UUID tenantId, String tenantSlug, long subjects, long records, OffsetDateTime computedAt,
                          @Nullable OffsetDateTime notifiedAt, @Nullable String notifiedBy) {
    }

    public record Input(String title, String description, OffsetDateTime detectedAt, OffsetDateTime windowFrom,
                        OffsetDateTime windowTo, @Nullable String actor, @Nullable String ip,
                        @Nullable String measures) {
    }

    /** A tenant was told about a breach. */
    public record BreachNotified(UUID tenantId, UUID breachId) {
    }

    /** What a tenant sees. */
    public record Notification(UUID breachId, OffsetDateTime notifiedAt, String title, String description,
                               OffsetDateTime detectedAt, OffsetDateTime windowFrom, OffsetDateTime windowTo,
                               long subjects, long records, @Nullable String measures,
                               @Nullable OffsetDateTime acknowledgedAt, @Nullable String acknowledgedBy) {
        public OffsetDateTime authorityDeadline() {
            return detectedAt.plus(AUTHORITY_DEADLINE);
        }
    }

    private final DSLContext dsl;
    private final Tenants tenants;
    private final TenantScope tenantScope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BreachRegister(DSLContext dsl, Tenants tenants, TenantScope tenantScope, AuditLog audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.dsl = dsl;
        this.tenants = tenants;
        this.tenantScope = tenantScope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a breach and computes its impact per tenant from the audit log. */
    @Transactional
    public Breach register(Input in) {
        check(in);
        UUID id = Ids.newId();
        dsl.insertInto(BREACH).set(BREACH.ID, id).set(BREACH.TITLE, in.title().trim())
                .set(BREACH.DESCRIPTION, in.description().trim()).set(BREACH.DETECTED_AT, in.detectedAt())
                .set(BREACH.WINDOW_FROM, in.windowFrom()).set(BREACH.WINDOW_TO, in.windowTo())
                .set(BREACH.ACTOR_FILTER, blank(in.actor())).set(BREACH.IP_FILTER, blank(in.ip()))
                .set(BREACH.MEASURES, blank(in.measures())).set(BREACH.CREATED_BY, Actor.current().name()).execute();
        recompute(id);
        platformAudit("breach.registered", id);
        return get(id);
    }

    /** Computes (again) which tenants, subjects and records the breach's scope touches. */
    @Transactional
    public Breach recompute(UUID id) {
        BreachRecord b = record(id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var impact = dsl.resultQuery("select * from privacy_breach_impact({0}, {1}, {2}, {3})", b.getWindowFrom(),
                b.getWindowTo(), b.getActorFilter(), b.getIpFilter()).fetch();
        for (var r : impact) {
            dsl.insertInto(BREACH_TENANT).set(BREACH_TENANT.BREACH_ID, id)
                    .set(BREACH_TENANT.TENANT_ID, r.get("tenant_id", UUID.class))
                    .set(BREACH_TENANT.SUBJECTS, r.get("subjects", Long.class))
                    .set(BREACH_TENANT.RECORDS, r.get("records", Long.class)).set(BREACH_TENANT.COMPUTED_AT, now)
                    .onConflict(BREACH_TENANT.BREACH_ID, BREACH_TENANT.TENANT_ID).doUpdate()
                    .set(BREACH_TENANT.SUBJECTS, r.get("subjects", Long.class))
                    .set(BREACH_TENANT.RECORDS, r.get("records", Long.class)).set(BREACH_TENANT.COMPUTED_AT, now)
                    .execute();
        }
        return get(id);
    }

    /** Adds a tenant by hand (a breach the audit log cannot see, such as a lost laptop with an export). */
    @Transactional
    public Breach addTenant(UUID id, UUID tenantId, long subjects, long records) {
        record(id);
        tenants.find(tenantId);
        dsl.insertInto(BREACH_TENANT).set(BREACH_TENANT.BREACH_ID, id).set(BREACH_TENANT.TENANT_ID, tenantId)
                .set(BREACH_TENANT.SUBJECTS, subjects).set(BREACH_TENANT.RECORDS, records)
                .set(BREACH_TENANT.COMPUTED_AT, OffsetDateTime.now(clock))
                .onConflict(BREACH_TENANT.BREACH_ID, BREACH_TENANT.TENANT_ID).doNothing().execute();
        return get(id);
    }

    /** Notifies the given tenants (all affected ones when empty) that have not been notified yet. */
    @Transactional
    public Breach notifyTenants(UUID id, Collection<UUID> only) {
        BreachRecord b = record(id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Affected a : get(id).affected()) {
            if (a.notifiedAt() != null || !only.isEmpty() && !only.contains(a.tenantId())) {
                continue;
            }
            try (var ignored = tenantScope.enter(a.tenantId())) {
                dsl.insertInto(BREACH_NOTIFICATION).set(BREACH_NOTIFICATION.TENANT_ID, a.tenantId())
                        .set(BREACH_NOTIFICATION.BREACH_ID, id).set(BREACH_NOTIFICATION.NOTIFIED_AT, now)
                        .set(BREACH_NOTIFICATION.TITLE, b.getTitle())
                        .set(BREACH_NOTIFICATION.DESCRIPTION, b.getDescription())
                        .set(BREACH_NOTIFICATION.DETECTED_AT, b.getDetectedAt())
                        .set(BREACH_NOTIFICATION.WINDOW_FROM, b.getWindowFrom())
                        .set(BREACH_NOTIFICATION.WINDOW_TO, b.getWindowTo())
                        .set(BREACH_NOTIFICATION.SUBJECTS, a.subjects()).set(BREACH_NOTIFICATION.RECORDS, a.records())
                        .set(BREACH_NOTIFICATION.MEASURES, b.getMeasures()).onConflictDoNothing().execute();
                audit.record(AuditEvent.of("privacy.breach-notified", "breach", id).detail("subjects", a.subjects())
                        .detail("records", a.records()));
            }
            dsl.update(BREACH_TENANT).set(BREACH_TENANT.NOTIFIED_AT, now)
                    .set(BREACH_TENANT.NOTIFIED_BY, Actor.current().name())
                    .where(BREACH_TENANT.BREACH_ID.eq(id)).and(BREACH_TENANT.TENANT_ID.eq(a.tenantId())).execute();
            events.publishEvent(new BreachNotified(a.tenantId(), id));
        }
        platformAudit("breach.notified", id);
        return get(id);
    }

    @Transactional
    public Breach changeStatus(UUID id, String status, @Nullable String measures) {
        if (!Set.of("OPEN", "CONTAINED", "CLOSED").contains(status)) {
            throw new ValidationException("Unknown status.", List.of(new FieldError("status",
                    "OPEN, CONTAINED or CLOSED")));
        }
        record(id);
        var update = dsl.update(BREACH).set(BREACH.STATUS, status);
        if (measures != null && !measures.isBlank()) {
            update = update.set(BREACH.MEASURES, measures.trim());
        }
        update.where(BREACH.ID.eq(id)).execute();
        platformAudit("breach." + status.toLowerCase(), id);
        return get(id);
    }

    public Breach get(UUID id) {
        BreachRecord b = record(id);
        return toBreach(b);
    }

    public List<Breach> list() {
        return dsl.selectFrom(BREACH).orderBy(BREACH.DETECTED_AT.desc()).fetch(this::toBreach);
    }

    /** The current tenant's breach notifications, newest first. */
    public List<Notification> notifications() {
        return dsl.selectFrom(BREACH_NOTIFICATION).orderBy(BREACH_NOTIFICATION.NOTIFIED_AT.desc())
                .fetch(r -> new Notification(r.getBreachId(), r.getNotifiedAt(), r.getTitle(), r.getDescription(),
                        r.getDetectedAt(), r.getWindowFrom(), r.getWindowTo(), r.getSubjects(), r.getRecords(),
                        r.getMeasures(), r.getAcknowledgedAt(), r.getAcknowledgedBy()));
    }

    public List<Notification> unacknowledged() {
        return notifications().stream().filter(n -> n.acknowledgedAt() == null).toList();
    }

    @Transactional
    public void acknowledge(UUID breachId) {
        int n = dsl.update(BREACH_NOTIFICATION).set(BREACH_NOTIFICATION.ACKNOWLEDGED_AT, OffsetDateTime.now(clock))
                .set(BREACH_NOTIFICATION.ACKNOWLEDGED_BY, Actor.current().name())
                .where(BREACH_NOTIFICATION.BREACH_ID.eq(breachId)).and(BREACH_NOTIFICATION.ACKNOWLEDGED_AT.isNull())
                .execute();
        if (n == 0 && dsl.fetchCount(BREACH_NOTIFICATION, BREACH_NOTIFICATION.BREACH_ID.eq(breachId)) == 0) {
            throw new NotFoundException("Breach notification", breachId);
        }
        audit.record(AuditEvent.of("privacy.breach-acknowledged", "breach", breachId));
    }

    private Breach toBreach(BreachRecord b) {
        List<Affected> affected = dsl.selectFrom(BREACH_TENANT).where(BREACH_TENANT.BREACH_ID.eq(b.getId()))
                .orderBy(BREACH_TENANT.SUBJECTS.desc()).fetch(r -> new Affected(r.getTenantId(),
                        tenants.find(r.getTenantId()).slug(), r.getSubjects(), r.getRecords(), r.getComputedAt(),
                        r.getNotifiedAt(), r.getNotifiedBy()));
        return new Breach(b.getId(), b.getTitle(), b.getDescription(), b.getDetectedAt(), b.getWindowFrom(),
                b.getWindowTo(), b.getActorFilter(), b.getIpFilter(), b.getStatus(), b.getMeasures(),
                b.getCreatedAt(), b.getCreatedBy(), affected);
    }

    private BreachRecord record(UUID id) {
        return dsl.selectFrom(BREACH).where(BREACH.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Breach", id));
    }

    private void check(Input in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.title() == null || in.title().isBlank() || in.title().length() > 200) {
            errors.add(new FieldError("title", "1 to 200 characters"));
        }
        if (in.description() == null || in.description().isBlank() || in.description().length() > 5000) {
            errors.add(new FieldError("description", "1 to 5000 characters"));
        }
        if (in.detectedAt() == null) {
            errors.add(new FieldError("detectedAt", "required"));
        } else if (in.detectedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
            errors.add(new FieldError("detectedAt", "in the future"));
        }
        if (in.windowFrom() == null || in.windowTo() == null) {
            errors.add(new FieldError("window", "from and to required"));
        } else if (in.windowFrom().isAfter(in.windowTo())) {
            errors.add(new FieldError("windowTo", "before the start of the window"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The breach has invalid fields.", errors);
        }
    }

    private void platformAudit(String action, UUID id) {
        try (var ignored = tenantScope.enter(TenantContext.PLATFORM)) {
            audit.record(AuditEvent.of(action, "breach", id));
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static BusinessRuleException rule(String message) {
        return new BusinessRuleException("breach", message);
    }
}
