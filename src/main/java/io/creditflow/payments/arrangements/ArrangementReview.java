package io.creditflow.payments.arrangements;

import io.creditflow.payments.PaymentPlanBreached;
import io.creditflow.payments.PaymentPlanCompleted;
import io.creditflow.payments.PaymentPlanInstalmentDue;
import io.creditflow.payments.PromiseToPayBroken;
import io.creditflow.payments.PromiseToPayKept;
import io.creditflow.payments.reconciliation.PaymentSettingsStore;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PAYMENT_PLAN;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INSTALMENT;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INVOICE;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY_INVOICE;

/**
 * The daily look at every running arrangement of a tenant, on a given day (the job passes today from the clock; tests
 * pass any day). Per plan, one query gives what is open now and what should have been paid by now: an instalment
 * counts as due once its date plus the grace days has passed. Paid = open when agreed minus open now.
 */
@Component
public class ArrangementReview {

    /** What a review changed. */
    public record Outcome(int completed, int breached, int instalmentsNoticed, int promisesKept,
                          int promisesBroken) {
    }

    private final DSLContext dsl;
    private final PaymentSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final PromisePauses pauses;

    ArrangementReview(DSLContext dsl, PaymentSettingsStore settings, ApplicationEventPublisher events,
                      PromisePauses pauses) {
        this.pauses = pauses;
        this.dsl = dsl;
        this.settings = settings;
        this.events = events;
    }

    @Transactional
    public Outcome review(LocalDate today) {
        int[] plans = plans(today);
        int noticed = instalmentNotices(today);
        updateInstalments(today);
        int[] promises = promises(today);
        return new Outcome(plans[0], plans[1], noticed, promises[0], promises[1]);
    }

    private int[] plans(LocalDate today) {
        int completed = 0;
        int breached = 0;
        UUID tenant = TenantContext.require();
        for (Record r : dsl.resultQuery("""
                select p.id, p.debtor_id, p.baseline_open,
                       (select coalesce(sum(i.open_principal + i.open_costs + i.open_interest), 0)
                          from payment_plan_invoice pi join invoice i on i.tenant_id = pi.tenant_id and i.id = pi.invoice_id
                         where pi.tenant_id = p.tenant_id and pi.plan_id = p.id) as open_now,
                       (select coalesce(sum(t.amount), 0) from payment_plan_instalment t
                         where t.tenant_id = p.tenant_id and t.plan_id = p.id
                           and t.due_date + p.grace_days < {0}) as required
                  from payment_plan p where p.status = 'ACTIVE'""", today).fetch()) {
            UUID plan = r.get(0, UUID.class);
            UUID debtor = r.get(1, UUID.class);
            BigDecimal openNow = r.get(3, BigDecimal.class);
            BigDecimal paid = r.get(2, BigDecimal.class).subtract(openNow);
            if (openNow.signum() == 0) {
                close(plan, "COMPLETED", "everything paid");
                events.publishEvent(new PaymentPlanCompleted(tenant, plan, debtor));
                completed++;
            } else if (paid.compareTo(r.get(4, BigDecimal.class)) < 0) {
                close(plan, "BREACHED", "instalment unpaid after the grace period");
                events.publishEvent(new PaymentPlanBreached(tenant, plan, debtor, invoices(plan), openNow));
                breached++;
            }
        }
        return new int[] {completed, breached};
    }

    private void close(UUID plan, String status, String reason) {
        dsl.update(PAYMENT_PLAN).set(PAYMENT_PLAN.STATUS, status).set(PAYMENT_PLAN.CLOSE_REASON, reason)
                .set(PAYMENT_PLAN.CLOSED_AT, org.jooq.impl.DSL.currentOffsetDateTime()).where(PAYMENT_PLAN.ID.eq(plan))
                .execute();
    }

    private List<UUID> invoices(UUID plan) {
        return dsl.select(PAYMENT_PLAN_INVOICE.INVOICE_ID).from(PAYMENT_PLAN_INVOICE)
                .where(PAYMENT_PLAN_INVOICE.PLAN_ID.eq(plan)).fetch(PAYMENT_PLAN_INVOICE.INVOICE_ID);
    }

    /** Instalments falling due within the notice days, not paid, not announced yet: one event each, once. */
    private int instalmentNotices(LocalDate today) {
        int notice = settings.current().instalmentNoticeDays();
        UUID tenant = TenantContext.require();
        var due = dsl.select(PAYMENT_PLAN_INSTALMENT.PLAN_ID, PAYMENT_PLAN.DEBTOR_ID, PAYMENT_PLAN_INSTALMENT.NUMBER,
                        PAYMENT_PLAN_INSTALMENT.DUE_DATE, PAYMENT_PLAN_INSTALMENT.AMOUNT)
                .from(PAYMENT_PLAN_INSTALMENT).join(PAYMENT_PLAN).on(PAYMENT_PLAN.ID.eq(PAYMENT_PLAN_INSTALMENT.PLAN_ID))
                .where(PAYMENT_PLAN.STATUS.eq("ACTIVE")).and(PAYMENT_PLAN_INSTALMENT.NOTIFIED_AT.isNull())
                .and(PAYMENT_PLAN_INSTALMENT.STATUS.ne("PAID"))
                .and(PAYMENT_PLAN_INSTALMENT.DUE_DATE.le(today.plusDays(notice)))
                .and(PAYMENT_PLAN_INSTALMENT.DUE_DATE.ge(today)).forUpdate().of(PAYMENT_PLAN_INSTALMENT).fetch();
        for (var r : due) {
            events.publishEvent(new PaymentPlanInstalmentDue(tenant, r.value1(), r.value2(), r.value3(), r.value4(),
                    r.value5()));
            dsl.update(PAYMENT_PLAN_INSTALMENT).set(PAYMENT_PLAN_INSTALMENT.NOTIFIED_AT,
                            org.jooq.impl.DSL.currentOffsetDateTime())
                    .where(PAYMENT_PLAN_INSTALMENT.PLAN_ID.eq(r.value1()))
                    .and(PAYMENT_PLAN_INSTALMENT.NUMBER.eq(r.value3())).execute();
        }
        return due.size();
    }

    /** Every instalment's status from the plan's payments so far, in one statement (paid covers instalments in order). */
    private void updateInstalments(LocalDate today) {
        dsl.execute("""
                with paid as (
                  select p.id, p.baseline_open - (select coalesce(sum(i.open_principal + i.open_costs + i.open_interest), 0)
                          from payment_plan_invoice pi join invoice i on i.tenant_id = pi.tenant_id and i.id = pi.invoice_id
                         where pi.tenant_id = p.tenant_id and pi.plan_id = p.id) as paid
                    from payment_plan p where p.tenant_id = current_tenant() and p.baseline_open is not null),
                cumulative as (
                  select t.plan_id, t.number, t.amount, t.due_date, paid.paid,
                         sum(t.amount) over (partition by t.plan_id order by t.number) as through
                    from payment_plan_instalment t join paid on paid.id = t.plan_id
                   where t.tenant_id = current_tenant())
                update payment_plan_instalment t
                   set status = case when c.paid >= c.through then 'PAID'
                                     when c.paid > c.through - c.amount then 'PARTIALLY_PAID'
                                     when c.due_date < {0} then 'OVERDUE' else 'SCHEDULED' end
                  from cumulative c
                 where t.tenant_id = current_tenant() and t.plan_id = c.plan_id and t.number = c.number""", today);
    }

    private int[] promises(LocalDate today) {
        int kept = 0;
        int broken = 0;
        UUID tenant = TenantContext.require();
        for (Record r : dsl.resultQuery("""
                select p.id, p.debtor_id, p.amount, p.baseline_open, p.promised_date + p.grace_days as deadline,
                       (select coalesce(sum(i.open_principal + i.open_costs + i.open_interest), 0)
                          from promise_to_pay_invoice pi join invoice i on i.tenant_id = pi.tenant_id and i.id = pi.invoice_id
                         where pi.tenant_id = p.tenant_id and pi.promise_id = p.id) as open_now
                  from promise_to_pay p where p.status = 'OPEN'""").fetch()) {
            UUID promise = r.get(0, UUID.class);
            List<UUID> invoices = dsl.select(PROMISE_TO_PAY_INVOICE.INVOICE_ID).from(PROMISE_TO_PAY_INVOICE)
                    .where(PROMISE_TO_PAY_INVOICE.PROMISE_ID.eq(promise)).fetch(PROMISE_TO_PAY_INVOICE.INVOICE_ID);
            BigDecimal paid = r.get(3, BigDecimal.class).subtract(r.get(5, BigDecimal.class));
            if (paid.compareTo(r.get(2, BigDecimal.class)) >= 0) {
                closePromise(promise, "KEPT");
                pauses.end(promise, r.get(1, UUID.class), invoices);
                events.publishEvent(new PromiseToPayKept(tenant, promise, r.get(1, UUID.class)));
                kept++;
            } else if (r.get(4, LocalDate.class).isBefore(today)) {
                closePromise(promise, "BROKEN");
                pauses.end(promise, r.get(1, UUID.class), invoices);
                events.publishEvent(new PromiseToPayBroken(tenant, promise, r.get(1, UUID.class), invoices));
                broken++;
            }
        }
        return new int[] {kept, broken};
    }

    private void closePromise(UUID promise, String status) {
        dsl.update(PROMISE_TO_PAY).set(PROMISE_TO_PAY.STATUS, status)
                .set(PROMISE_TO_PAY.CLOSED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .where(PROMISE_TO_PAY.ID.eq(promise)).execute();
    }
}
