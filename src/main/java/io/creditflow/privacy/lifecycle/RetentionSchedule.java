package io.creditflow.privacy.lifecycle;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.privacy.RetentionCategory;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.creditflow.jooq.Tables.PRIVACY_RETENTION_RULE;

/** The current tenant's retention schedule: every declared category with its period (the tenant's or the default). */
@Component
public class RetentionSchedule {

    public record Rule(String category, String description, int days, int defaultDays, boolean enabled,
                       String ground, boolean custom, @Nullable OffsetDateTime updatedAt, @Nullable String updatedBy) {
    }

    private final ObjectProvider<RetentionCategory> categories;
    private final DSLContext dsl;
    private final AuditLog audit;

    RetentionSchedule(ObjectProvider<RetentionCategory> categories, DSLContext dsl, AuditLog audit) {
        this.categories = categories;
        this.dsl = dsl;
        this.audit = audit;
    }

    public List<RetentionCategory> categories() {
        return categories.stream().sorted(Comparator.comparing(RetentionCategory::category)).toList();
    }

    public List<Rule> rules() {
        Map<String, io.creditflow.jooq.tables.records.PrivacyRetentionRuleRecord> custom = dsl
                .selectFrom(PRIVACY_RETENTION_RULE).fetch().stream()
                .collect(Collectors.toMap(r -> r.getCategory(), r -> r));
        return categories().stream().map(c -> {
            var r = custom.get(c.category());
            return r == null ? new Rule(c.category(), c.description(), c.defaultDays(), c.defaultDays(), true,
                    c.ground(), false, null, null)
                    : new Rule(c.category(), c.description(), r.getDays(), c.defaultDays(), r.getEnabled(), c.ground(),
                    true, r.getUpdatedAt(), r.getUpdatedBy());
        }).toList();
    }

    public Optional<Rule> rule(String category) {
        return rules().stream().filter(r -> r.category().equals(category)).findFirst();
    }

    /** Sets the tenant's own period (and whether the category is enforced at all). */
    @Transactional
    public Rule set(String category, int days, boolean enabled) {
        RetentionCategory c = categories().stream().filter(x -> x.category().equals(category)).findFirst()
                .orElseThrow(() -> new NotFoundException("Retention category", category));
        if (days < 0 || days > 36_500) {
            throw new ValidationException("The period is out of range.",
                    List.of(new FieldError("days", "0 to 36500")));
        }
        dsl.insertInto(PRIVACY_RETENTION_RULE).set(PRIVACY_RETENTION_RULE.TENANT_ID, TenantContext.require())
                .set(PRIVACY_RETENTION_RULE.CATEGORY, c.category()).set(PRIVACY_RETENTION_RULE.DAYS, days)
                .set(PRIVACY_RETENTION_RULE.ENABLED, enabled)
                .set(PRIVACY_RETENTION_RULE.UPDATED_BY, Actor.current().name())
                .onConflict(PRIVACY_RETENTION_RULE.TENANT_ID, PRIVACY_RETENTION_RULE.CATEGORY).doUpdate()
                .set(PRIVACY_RETENTION_RULE.DAYS, days).set(PRIVACY_RETENTION_RULE.ENABLED, enabled)
                .set(PRIVACY_RETENTION_RULE.UPDATED_AT, OffsetDateTime.now())
                .set(PRIVACY_RETENTION_RULE.UPDATED_BY, Actor.current().name()).execute();
        audit.record(AuditEvent.of("privacy.retention-changed", "retention", category).detail("days", days)
                .detail("enabled", enabled));
        return rule(category).orElseThrow();
    }
}
