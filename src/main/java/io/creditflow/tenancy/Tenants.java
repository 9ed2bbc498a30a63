package io.creditflow.tenancy;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.jooq.tables.records.TenantRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.TENANT;

/** The tenants of this platform. Creating and suspending them is the operator's job, recorded in the platform chain. */
@Component
public class Tenants {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final TenantScope tenantScope;
    private final ApplicationEventPublisher events;

    private final ApiKeys apiKeys;

    Tenants(DSLContext dsl, AuditLog audit, TenantScope tenantScope, ApplicationEventPublisher events,
            ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
        this.dsl = dsl;
        this.audit = audit;
        this.tenantScope = tenantScope;
        this.events = events;
    }

    @Transactional
    public Tenant create(String slug, String name, String country, String defaultLanguage) {
        if (!slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new BusinessRuleException("invalid-slug", "A tenant slug is 2-63 lowercase letters, digits or "
                    + "hyphens, starting with a letter or digit.",
                    List.of(new BusinessRuleException.FieldError("slug", "invalid format")));
        }
        if (findBySlug(slug).isPresent()) {
            throw new BusinessRuleException("duplicate-slug", "A tenant with slug '" + slug + "' already exists.",
                    List.of(new BusinessRuleException.FieldError("slug", "already taken")));
        }
        UUID id = UUID.randomUUID();
        dsl.insertInto(TENANT).set(TENANT.ID, id).set(TENANT.SLUG, slug).set(TENANT.NAME, name)
                .set(TENANT.COUNTRY, country).set(TENANT.DEFAULT_LANGUAGE, defaultLanguage).execute();
        try (var ignored = tenantScope.enter(TenantContext.PLATFORM)) {
            audit.record(AuditEvent.of("tenant.created", "tenant", id).detail("slug", slug));
        }
        events.publishEvent(new TenantCreated(id, slug));
        return find(id);
    }

    public Tenant find(UUID id) {
        return dsl.selectFrom(TENANT).where(TENANT.ID.eq(id)).fetchOptional().map(Tenants::toTenant)
                .orElseThrow(() -> new NotFoundException("Tenant", id));
    }

    public Optional<Tenant> findBySlug(String slug) {
        return dsl.selectFrom(TENANT).where(TENANT.SLUG.eq(slug)).fetchOptional().map(Tenants::toTenant);
    }

    public List<Tenant> list() {
        return dsl.selectFrom(TENANT).orderBy(TENANT.CREATED_AT).fetch().map(Tenants::toTenant);
    }

    /** Ids of the tenants whose data jobs should process (active ones). */
    public List<UUID> activeIds() {
        return dsl.select(TENANT.ID).from(TENANT).where(TENANT.STATUS.eq("ACTIVE")).fetch(TENANT.ID);
    }

    @Transactional
    public void changeStatus(UUID id, String status) {
        int updated = dsl.update(TENANT).set(TENANT.STATUS, status).where(TENANT.ID.eq(id)).execute();
        if (updated == 0) {
            throw new NotFoundException("Tenant", id);
        }
        // a suspended or deleted tenant's keys stop working on this node now, on others within the key cache's TTL
        apiKeys.evictTenant(id);
        try (var ignored = tenantScope.enter(TenantContext.PLATFORM)) {
            audit.record(AuditEvent.of("tenant.status-changed", "tenant", id).detail("status", status));
        }
    }

    private static Tenant toTenant(TenantRecord r) {
        return new Tenant(r.getId(), r.getSlug(), r.getName(), r.getStatus(), r.getCountry(), r.getDefaultLanguage(),
                r.getCreatedAt());
    }
}
