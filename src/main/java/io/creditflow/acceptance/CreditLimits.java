package io.creditflow.acceptance;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_IDENTITY;

/**
 * Credit limits per identity: from the policy's formula (behaviour, bureau, new-customer amount; recorded with every
 * check) or set by hand (always wins; with a reason, audited), and the exposure against them: outstanding invoices of
 * the identity's debtors plus open orders.
 */
@Component
public class CreditLimits {

    private static final String OVERVIEW = """
            select * from (
            select i.id, i.kind, i.manual_limit, i.manual_limit_reason, i.policy_limit, i.limit_source,
                   i.last_check_at, i.check_count,
                   coalesce(o.outstanding, 0) as outstanding, coalesce(o.overdue, 0) as overdue,
                   coalesce(r.open_orders, 0) as open_orders, coalesce(a.alerts, 0) as alerts,
                   coalesce(d.debtors, 0) as debtors
              from credit_identity i
              left join lateral (
                select sum(v.open_principal + v.open_costs + v.open_interest) as outstanding,
                       sum(v.open_principal + v.open_costs + v.open_interest) filter (where v.due_date < current_date)
                           as overdue
                  from credit_identity_debtor l
                  join invoice v on v.tenant_id = l.tenant_id and v.debtor_id = l.debtor_id
                 where l.tenant_id = i.tenant_id and l.identity_id = i.id
                   and v.status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION')) o on true
              left join lateral (
                select sum(r.amount) as open_orders from credit_reservation r
                 where r.tenant_id = i.tenant_id and r.identity_id = i.id
                   and r.status in ('OPEN', 'PENDING_REVIEW') and r.expires_at > now()) r on true
              left join lateral (
                select count(*) as alerts from credit_alert a
                 where a.tenant_id = i.tenant_id and a.identity_id = i.id and a.acknowledged_at is null) a on true
              left join lateral (
                select count(*) as debtors from credit_identity_debtor l
                 where l.tenant_id = i.tenant_id and l.identity_id = i.id) d on true
             where ({0} or i.id = {1})) x
             where (not {3} or (coalesce(x.manual_limit, x.policy_limit) is not null
                                and greatest(x.outstanding, 0) + x.open_orders > coalesce(x.manual_limit, x.policy_limit)))
             order by x.last_check_at desc, x.id
             limit {2}""";

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;

    CreditLimits(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    /** An identity's limit and exposure. {@code limit} is the manual limit if set, else the policy's. */
    public record LimitLine(UUID identityId, String kind, @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal limit,
                            String source, @Nullable String manualReason,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstanding,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overdue,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openOrders,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal exposure,
                            boolean overLimit, OffsetDateTime lastCheckAt, int checks, long openAlerts, long debtors) {
    }

    @Transactional(readOnly = true)
    public List<LimitLine> overview(boolean onlyOverLimit, int limit) {
        return dsl.resultQuery(OVERVIEW, DSL.inline(true), DSL.val((UUID) null), DSL.inline(limit),
                DSL.inline(onlyOverLimit)).fetch().map(CreditLimits::line);
    }

    @Transactional(readOnly = true)
    public LimitLine of(UUID identityId) {
        return dsl.resultQuery(OVERVIEW, DSL.inline(false), DSL.val(identityId), DSL.inline(1), DSL.inline(false))
                .fetchOptional().map(CreditLimits::line)
                .orElseThrow(() -> new NotFoundException("Credit identity", identityId));
    }

    /** Sets (or with null clears) the limit by hand; the next check and monitoring use it at once. */
    @Transactional
    public LimitLine setManual(UUID identityId, @Nullable BigDecimal amount, @Nullable String reason) {
        if (amount != null && (amount.signum() < 0 || amount.scale() > 2)) {
            throw new ValidationException("Invalid limit.", List.of(new FieldError("amount",
                    "a non-negative amount with at most two decimals")));
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("A limit set by hand needs a reason.", List.of(new FieldError("reason",
                    "required")));
        }
        var subject = dsl.select(CREDIT_IDENTITY.SUBJECT_ID).from(CREDIT_IDENTITY).where(CREDIT_IDENTITY.ID.eq(identityId))
                .forUpdate().fetchOptional(CREDIT_IDENTITY.SUBJECT_ID)
                .orElseThrow(() -> new NotFoundException("Credit identity", identityId));
        dsl.update(CREDIT_IDENTITY).set(CREDIT_IDENTITY.MANUAL_LIMIT, amount)
                .set(CREDIT_IDENTITY.MANUAL_LIMIT_REASON, reason.strip())
                .set(CREDIT_IDENTITY.MANUAL_LIMIT_BY, Actor.current().name())
                .set(CREDIT_IDENTITY.MANUAL_LIMIT_AT, OffsetDateTime.now(clock))
                .where(CREDIT_IDENTITY.ID.eq(identityId)).execute();
        audit.record(AuditEvent.of(amount == null ? "credit-limit.cleared" : "credit-limit.set", "credit-identity",
                identityId).subject(subject).detail("amount", amount == null ? "-" : amount.toPlainString()));
        return of(identityId);
    }

    private static LimitLine line(Record r) {
        BigDecimal manual = r.get("manual_limit", BigDecimal.class);
        BigDecimal policy = r.get("policy_limit", BigDecimal.class);
        BigDecimal limit = manual != null ? manual : policy;
        BigDecimal outstanding = r.get("outstanding", BigDecimal.class).max(BigDecimal.ZERO);
        BigDecimal openOrders = r.get("open_orders", BigDecimal.class);
        BigDecimal exposure = outstanding.add(openOrders);
        return new LimitLine(r.get("id", UUID.class), r.get("kind", String.class), limit,
                manual != null ? "MANUAL" : String.valueOf(r.get("limit_source", String.class)),
                r.get("manual_limit_reason", String.class), outstanding.setScale(2),
                r.get("overdue", BigDecimal.class).setScale(2), openOrders.setScale(2), exposure.setScale(2),
                limit != null && exposure.compareTo(limit) > 0, r.get("last_check_at", OffsetDateTime.class),
                r.get("check_count", Integer.class), r.get("alerts", Long.class), r.get("debtors", Long.class));
    }
}
