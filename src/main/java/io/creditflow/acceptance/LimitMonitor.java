package io.creditflow.acceptance;

import io.creditflow.acceptance.policy.PolicyDocument;
import io.creditflow.acceptance.sources.SourceGateway;
import io.creditflow.acceptance.verification.VerifiedApplicant;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_ALERT;
import static io.creditflow.jooq.Tables.CREDIT_CHECK;
import static io.creditflow.jooq.Tables.CREDIT_IDENTITY;

/**
 * Limit monitoring, per tenant: identities whose exposure exceeds their limit, whose overdue amount exceeds the
 * policy's threshold, or about whom an external source now says something else than at their last check (a batch of
 * the least recently re-asked identities per run). Each finding is a console alert (one open alert per identity and
 * kind), a {@link CreditAlertRaised} event and a {@code credit-alert.raised} webhook. Restricted debtors (GDPR art. 18)
 * are left out.
 */
@Component
public class LimitMonitor {

    private static final Logger log = LoggerFactory.getLogger(LimitMonitor.class);
    private static final int EXTERNAL_BATCH = 200;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private static final String OVER_LIMIT = """
            insert into credit_alert (tenant_id, id, identity_id, kind, details, created_at)
            select current_tenant(), gen_random_uuid(), e.id, 'EXPOSURE_OVER_LIMIT',
                   jsonb_build_object('limit', e.lim, 'exposure', e.exposure), {0}
              from (select i.id, coalesce(i.manual_limit, i.policy_limit) as lim,
                           greatest(coalesce((select sum(v.open_principal + v.open_costs + v.open_interest)
                                        from credit_identity_debtor l
                                        join invoice v on v.tenant_id = l.tenant_id and v.debtor_id = l.debtor_id
                                       where l.identity_id = i.id
                                         and v.status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION')
                                         and not exists (select 1 from privacy_restriction p
                                                          where p.tenant_id = v.tenant_id
                                                            and p.debtor_id = v.debtor_id)), 0), 0)
                         + coalesce((select sum(r.amount) from credit_reservation r
                                      where r.identity_id = i.id and r.status in ('OPEN', 'PENDING_REVIEW')
                                        and r.expires_at > {0}), 0) as exposure
                      from credit_identity i
                     where coalesce(i.manual_limit, i.policy_limit) is not null) e
             where e.exposure > e.lim
            on conflict (tenant_id, identity_id, kind) where acknowledged_at is null do nothing
            returning id, identity_id""";

    private static final String OVERDUE = """
            insert into credit_alert (tenant_id, id, identity_id, kind, details, created_at)
            select current_tenant(), gen_random_uuid(), o.identity_id, 'OVERDUE_OVER_THRESHOLD',
                   jsonb_build_object('overdue', o.overdue, 'threshold', {1}, 'days', {2}), {0}
              from (select l.identity_id, sum(v.open_principal + v.open_costs + v.open_interest) as overdue
                      from credit_identity_debtor l
                      join invoice v on v.tenant_id = l.tenant_id and v.debtor_id = l.debtor_id
                     where v.status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION') and v.due_date < {3}
                       and not exists (select 1 from privacy_restriction p
                                        where p.tenant_id = v.tenant_id and p.debtor_id = v.debtor_id)
                     group by l.identity_id) o
             where o.overdue > {1}
            on conflict (tenant_id, identity_id, kind) where acknowledged_at is null do nothing
            returning id, identity_id""";

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final Policies policies;
    private final SourceGateway sources;
    private final PersonalDataVault vault;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final WebhookSender webhooks;
    private final Clock clock;

    LimitMonitor(DSLContext dsl, TenantScope tenantScope, Policies policies, SourceGateway sources,
                 PersonalDataVault vault, JsonMapper json, ApplicationEventPublisher events, WebhookSender webhooks,
                 Clock clock) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.policies = policies;
        this.sources = sources;
        this.vault = vault;
        this.json = json;
        this.events = events;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Runs every monitor for one tenant; returns the number of new alerts. */
    public int run(UUID tenant) {
        return tenantScope.inTenant(tenant, () -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            PolicyDocument policy = policies.active().champion().document();
            List<Record2<UUID, UUID>> raised = new ArrayList<>();
            raised.addAll(dsl.resultQuery(OVER_LIMIT, now).fetch().into(CREDIT_ALERT.ID, CREDIT_ALERT.IDENTITY_ID));
            raised.addAll(dsl.resultQuery(OVERDUE, now, policy.monitoring().overdueAmount(),
                    policy.monitoring().overdueDays(), LocalDate.now(clock).minusDays(policy.monitoring().overdueDays()))
                    .fetch().into(CREDIT_ALERT.ID, CREDIT_ALERT.IDENTITY_ID));
            if (policy.monitoring().watchExternal()) {
                raised.addAll(externalChanges(policy, now));
            }
            for (Record2<UUID, UUID> alert : raised) {
                String kind = dsl.select(CREDIT_ALERT.KIND).from(CREDIT_ALERT).where(CREDIT_ALERT.ID.eq(alert.value1()))
                        .fetchSingle(CREDIT_ALERT.KIND);
                events.publishEvent(new CreditAlertRaised(tenant, alert.value1(), alert.value2(), kind));
                webhooks.send(tenant, "credit-alert.raised", Map.of("alertId", alert.value1().toString(),
                        "identityId", alert.value2().toString(), "kind", kind));
            }
            return raised.size();
        });
    }

    /** Asks the sources again about the least recently re-asked identities; alerts where the answer changed. */
    private List<Record2<UUID, UUID>> externalChanges(PolicyDocument policy, OffsetDateTime now) {
        List<Record2<UUID, UUID>> raised = new ArrayList<>();
        var identities = dsl.select(CREDIT_IDENTITY.ID, CREDIT_IDENTITY.EXTERNAL_SUMMARY).from(CREDIT_IDENTITY)
                .where(CREDIT_IDENTITY.EXTERNAL_DIGEST.isNotNull())
                .orderBy(CREDIT_IDENTITY.EXTERNAL_CHECKED_AT.asc().nullsFirst()).limit(EXTERNAL_BATCH).fetch();
        for (var identity : identities) {
            var last = dsl.select(CREDIT_CHECK.ID, CREDIT_CHECK.SUBJECT_ID, CREDIT_CHECK.INPUTS).from(CREDIT_CHECK)
                    .where(CREDIT_CHECK.IDENTITY_ID.eq(identity.value1())).orderBy(CREDIT_CHECK.CREATED_AT.desc())
                    .limit(1).fetchOne();
            var inputs = last == null ? null : vault.decrypt(last.value2(), "credit-check/" + last.value1() + "/inputs",
                    last.value3()).orElse(null);
            if (inputs == null) {
                continue;
            }
            VerifiedApplicant a = json.readValue(inputs, VerifiedApplicant.class);
            SourceGateway.Results answers = sources.ask(policy, a.type(), CreditChecks.query(a)).await();
            dsl.update(CREDIT_IDENTITY).set(CREDIT_IDENTITY.EXTERNAL_CHECKED_AT, now)
                    .where(CREDIT_IDENTITY.ID.eq(identity.value1())).execute();
            ExternalSummary summary = ExternalSummary.of(answers, vault, json);
            if (summary.json() == null) {
                continue;
            }
            Map<String, Object> before = identity.value2() == null ? Map.of() : json.readValue(identity.value2().data(), MAP);
            Map<String, Object> after = json.readValue(summary.json(), MAP);
            TreeSet<String> changed = changedSignals(before, after);
            if (changed.isEmpty()) {
                continue;
            }
            dsl.update(CREDIT_IDENTITY).set(CREDIT_IDENTITY.EXTERNAL_SUMMARY, JSONB.valueOf(summary.json()))
                    .set(CREDIT_IDENTITY.EXTERNAL_DIGEST, summary.digest())
                    .where(CREDIT_IDENTITY.ID.eq(identity.value1())).execute();
            dsl.insertInto(CREDIT_ALERT).set(CREDIT_ALERT.TENANT_ID, TenantContext.require())
                    .set(CREDIT_ALERT.ID, io.creditflow.platform.Ids.newId()).set(CREDIT_ALERT.IDENTITY_ID, identity.value1())
                    .set(CREDIT_ALERT.KIND, "EXTERNAL_SIGNAL_CHANGED")
                    .set(CREDIT_ALERT.DETAILS, JSONB.valueOf(json.writeValueAsString(Map.of("changed", changed))))
                    .set(CREDIT_ALERT.CREATED_AT, now).onConflictDoNothing()
                    .returning(CREDIT_ALERT.ID, CREDIT_ALERT.IDENTITY_ID).fetchOptional()
                    .ifPresent(r -> raised.add(r.into(CREDIT_ALERT.ID, CREDIT_ALERT.IDENTITY_ID)));
            log.info("External signals changed for identity {}: {}", identity.value1(), changed);
        }
        return raised;
    }

    /** Names of signals whose value differs (numbers compared by value, so 5 and 5.0 are equal). */
    static TreeSet<String> changedSignals(Map<String, Object> before, Map<String, Object> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        Signals was = Signals.of(before);
        Signals is = Signals.of(after);
        names.removeIf(n -> Objects.equals(was.get(n), is.get(n))
                || (was.get(n) instanceof java.math.BigDecimal a && is.get(n) instanceof java.math.BigDecimal b
                    && a.compareTo(b) == 0));
        return names;
    }
}
