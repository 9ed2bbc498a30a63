package io.creditflow.privacy.lifecycle;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.RetentionCategory;
import io.creditflow.privacy.rights.Erasures;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PRIVACY_RETENTION_RUN;

/**
 * Enforces a tenant's retention schedule as of a moment (the job passes its clock; tests pin one): for each enabled
 * category, what is older than its period is removed, in a transaction per category so that one failing category
 * does not hold up the others. A dry run counts without changing anything. Every run, dry or not, is logged with its
 * counts.
 */
@Component
public class RetentionRuns {

    private static final Logger log = LoggerFactory.getLogger(RetentionRuns.class);

    /** What one category did (or would do, in a dry run). */
    public record CategoryResult(String category, int days, OffsetDateTime cutoff, long count,
                                 @org.jspecify.annotations.Nullable String error) {
    }

    public record Run(UUID id, OffsetDateTime asOf, boolean dryRun, List<CategoryResult> results) {
        public long total() {
            return results.stream().mapToLong(CategoryResult::count).sum();
        }
    }

    private final RetentionSchedule schedule;
    private final Erasures erasures;
    private final TenantScope tenantScope;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final JsonMapper json;

    RetentionRuns(RetentionSchedule schedule, Erasures erasures, TenantScope tenantScope, DSLContext dsl,
                  AuditLog audit, JsonMapper json) {
        this.schedule = schedule;
        this.erasures = erasures;
        this.tenantScope = tenantScope;
        this.dsl = dsl;
        this.audit = audit;
        this.json = json;
    }

    /** Runs the schedule of one tenant as of {@code clock}'s now. */
    public Run run(UUID tenant, Clock clock, boolean dryRun) {
        OffsetDateTime asOf = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<RetentionSchedule.Rule> rules = tenantScope.inTenant(tenant, schedule::rules);
        List<CategoryResult> results = new ArrayList<>();
        for (RetentionSchedule.Rule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            RetentionCategory category = schedule.categories().stream()
                    .filter(c -> c.category().equals(rule.category())).findFirst().orElseThrow();
            OffsetDateTime cutoff = asOf.minusDays(rule.days());
            try {
                long count = tenantScope.inTenant(tenant, () -> dryRun ? category.due(cutoff)
                        : category.remove(cutoff, debtorId -> erasures.erase(debtorId, null, Erasures.Reason.RETENTION)));
                results.add(new CategoryResult(rule.category(), rule.days(), cutoff, count, null));
            } catch (RuntimeException e) {
                log.warn("Retention of {} for tenant {} failed", rule.category(), tenant, e);
                results.add(new CategoryResult(rule.category(), rule.days(), cutoff, 0,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        UUID id = Ids.newId();
        tenantScope.inTenant(tenant, () -> {
            dsl.insertInto(PRIVACY_RETENTION_RUN).set(PRIVACY_RETENTION_RUN.TENANT_ID, tenant)
                    .set(PRIVACY_RETENTION_RUN.ID, id).set(PRIVACY_RETENTION_RUN.STARTED_AT, OffsetDateTime.now())
                    .set(PRIVACY_RETENTION_RUN.AS_OF, asOf).set(PRIVACY_RETENTION_RUN.DRY_RUN, dryRun)
                    .set(PRIVACY_RETENTION_RUN.ACTOR, Actor.current().name())
                    .set(PRIVACY_RETENTION_RUN.RESULTS, json.writeValueAsString(results)).execute();
            audit.record(AuditEvent.of(dryRun ? "privacy.retention-dry-run" : "privacy.retention-run", "retention-run",
                    id).detail("total", results.stream().mapToLong(CategoryResult::count).sum()));
        });
        return new Run(id, asOf, dryRun, results);
    }

    /** The tenant's recent runs, newest first. */
    public List<Map<String, Object>> recent(int limit) {
        return dsl.selectFrom(PRIVACY_RETENTION_RUN).orderBy(PRIVACY_RETENTION_RUN.STARTED_AT.desc()).limit(limit)
                .fetch(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.getId());
                    m.put("startedAt", r.getStartedAt());
                    m.put("asOf", r.getAsOf());
                    m.put("dryRun", r.getDryRun());
                    m.put("actor", r.getActor());
                    m.put("results", json.readValue(r.getResults(), List.class));
                    return m;
                });
    }
}
