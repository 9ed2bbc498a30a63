package io.creditflow.payments;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.PaymentPlanRecord;
import io.creditflow.payments.arrangements.InstalmentSchedule;
import io.creditflow.payments.reconciliation.PaymentSettingsStore;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INSTALMENT;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INVOICE;

/**
 * Payment plans (betalingsregelingen): some of a debtor's open invoices paid in instalments. Proposed in the console
 * (and, later, by the debtor in the portal), agreed, then reviewed daily: completed when everything is paid, breached
 * when an instalment is unpaid after the grace period. Progress counts every payment on the plan's invoices,
 * whatever channel it came through: paid = what was open when the plan was agreed minus what is open now.
 */
@Component
public class PaymentPlans {

    /** How often an instalment falls due. */
    public enum Frequency { WEEKLY, FORTNIGHTLY, MONTHLY }

    public record Instalment(int number, LocalDate dueDate, BigDecimal amount, String status) {
    }

    public record Plan(UUID id, UUID debtorId, String status, BigDecimal total, String currency, Frequency frequency,
                       int graceDays, List<UUID> invoiceIds, List<Instalment> instalments, BigDecimal paid,
                       BigDecimal openNow, @Nullable String note, OffsetDateTime createdAt,
                       @Nullable OffsetDateTime agreedAt, @Nullable String closeReason) {
        public LocalDate lastDueDate() {
            return instalments.getLast().dueDate();
        }
    }

    private final DSLContext dsl;
    private final PaymentSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;

    PaymentPlans(DSLContext dsl, PaymentSettingsStore settings, ApplicationEventPublisher events, AuditLog audit,
                 Clock clock, JdbcClient jdbc) {
        this.dsl = dsl;
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Proposes a plan over these invoices (all the debtor's, open, in no other running plan). With {@code agreed} the
     * debtor has already agreed (by phone, in writing) and the plan starts at once.
     */
    @Transactional
    public Plan propose(UUID debtorId, List<UUID> invoiceIds, int instalments, LocalDate firstDueDate,
                        Frequency frequency, boolean agreed, @Nullable String note) {
        List<BusinessRuleException.FieldError> errors = new ArrayList<>();
        if (invoiceIds.isEmpty()) {
            errors.add(new BusinessRuleException.FieldError("invoiceIds", "choose at least one invoice"));
        }
        if (instalments < 1 || instalments > 60) {
            errors.add(new BusinessRuleException.FieldError("instalments", "must be between 1 and 60"));
        }
        if (firstDueDate.isBefore(LocalDate.now(clock))) {
            errors.add(new BusinessRuleException.FieldError("firstDueDate", "must not be in the past"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The payment plan has invalid fields.", errors);
        }
        var invoices = dsl.selectFrom(INVOICE).where(INVOICE.ID.in(invoiceIds)).forUpdate().fetch();
        checkInvoices(debtorId, invoiceIds, invoices);
        BigDecimal total = invoices.stream().map(i -> i.getOpenPrincipal().add(i.getOpenCosts()).add(i.getOpenInterest()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID id = Ids.newId();
        UUID tenant = TenantContext.require();
        dsl.insertInto(PAYMENT_PLAN).set(PAYMENT_PLAN.TENANT_ID, tenant).set(PAYMENT_PLAN.ID, id)
                .set(PAYMENT_PLAN.DEBTOR_ID, debtorId).set(PAYMENT_PLAN.STATUS, "PROPOSED")
                .set(PAYMENT_PLAN.TOTAL, total).set(PAYMENT_PLAN.CURRENCY, invoices.getFirst().getCurrency())
                .set(PAYMENT_PLAN.INSTALMENTS, instalments).set(PAYMENT_PLAN.FREQUENCY, frequency.name())
                .set(PAYMENT_PLAN.GRACE_DAYS, settings.current().planGraceDays())
                .set(PAYMENT_PLAN.PROPOSED_BY, Actor.current().name()).set(PAYMENT_PLAN.NOTE, note).execute();
        for (UUID invoice : invoiceIds) {
            dsl.insertInto(PAYMENT_PLAN_INVOICE).set(PAYMENT_PLAN_INVOICE.TENANT_ID, tenant)
                    .set(PAYMENT_PLAN_INVOICE.PLAN_ID, id).set(PAYMENT_PLAN_INVOICE.INVOICE_ID, invoice).execute();
        }
        for (var i : InstalmentSchedule.of(total, instalments, firstDueDate, frequency)) {
            dsl.insertInto(PAYMENT_PLAN_INSTALMENT).set(PAYMENT_PLAN_INSTALMENT.TENANT_ID, tenant)
                    .set(PAYMENT_PLAN_INSTALMENT.PLAN_ID, id).set(PAYMENT_PLAN_INSTALMENT.NUMBER, i.number())
                    .set(PAYMENT_PLAN_INSTALMENT.DUE_DATE, i.dueDate()).set(PAYMENT_PLAN_INSTALMENT.AMOUNT, i.amount())
                    .execute();
        }
        audit.record(AuditEvent.of("payment-plan.proposed", "payment-plan", id).subject(debtorId)
                .detail("instalments", instalments).detail("total", total.toPlainString()));
        return agreed ? agree(id) : get(id);
    }

    private void checkInvoices(UUID debtorId, List<UUID> invoiceIds, List<? extends io.creditflow.jooq.tables.records
            .InvoiceRecord> invoices) {
        if (invoices.size() != invoiceIds.stream().distinct().count()) {
            throw new NotFoundException("Invoice", "one of " + invoiceIds);
        }
        for (var i : invoices) {
            BigDecimal open = i.getOpenPrincipal().add(i.getOpenCosts()).add(i.getOpenInterest());
            if (!i.getDebtorId().equals(debtorId) || open.signum() <= 0 || !"INVOICE".equals(i.getKind())) {
                throw new BusinessRuleException("invoice-not-plannable", "Invoice " + i.getNumber()
                        + " is not an open invoice of this debtor.");
            }
        }
        boolean inPlan = dsl.fetchExists(dsl.selectOne().from(PAYMENT_PLAN_INVOICE).join(PAYMENT_PLAN)
                .on(PAYMENT_PLAN.TENANT_ID.eq(PAYMENT_PLAN_INVOICE.TENANT_ID).and(PAYMENT_PLAN.ID.eq(PAYMENT_PLAN_INVOICE.PLAN_ID))).where(PAYMENT_PLAN_INVOICE.INVOICE_ID.in(invoiceIds))
                .and(PAYMENT_PLAN.STATUS.in("PROPOSED", "ACTIVE")));
        if (inPlan) {
            throw new BusinessRuleException("already-in-plan", "One of these invoices is already in a running plan.");
        }
    }

    /** The debtor agreed: the plan runs, dunning pauses its invoices, and progress counts from now. */
    @Transactional
    public Plan agree(UUID planId) {
        Plan plan = get(planId);
        if (!plan.status().equals("PROPOSED")) {
            throw new BusinessRuleException("not-proposed", "The plan is " + plan.status().toLowerCase() + ".");
        }
        dsl.update(PAYMENT_PLAN).set(PAYMENT_PLAN.STATUS, "ACTIVE").set(PAYMENT_PLAN.BASELINE_OPEN, plan.openNow())
                .set(PAYMENT_PLAN.AGREED_AT, DSL.currentOffsetDateTime()).set(PAYMENT_PLAN.AGREED_BY, Actor.current().name())
                .where(PAYMENT_PLAN.ID.eq(planId)).execute();
        audit.record(AuditEvent.of("payment-plan.agreed", "payment-plan", planId).subject(plan.debtorId()));
        events.publishEvent(new PaymentPlanAgreed(TenantContext.require(), planId, plan.debtorId(), plan.invoiceIds(),
                plan.lastDueDate()));
        return get(planId);
    }

    @Transactional
    public Plan cancel(UUID planId, String reason) {
        Plan plan = get(planId);
        if (!plan.status().equals("PROPOSED") && !plan.status().equals("ACTIVE")) {
            throw new BusinessRuleException("not-running", "The plan is " + plan.status().toLowerCase() + ".");
        }
        dsl.update(PAYMENT_PLAN).set(PAYMENT_PLAN.STATUS, "CANCELLED").set(PAYMENT_PLAN.CLOSED_AT,
                DSL.currentOffsetDateTime()).set(PAYMENT_PLAN.CLOSE_REASON, reason).where(PAYMENT_PLAN.ID.eq(planId))
                .execute();
        audit.record(AuditEvent.of("payment-plan.cancelled", "payment-plan", planId).subject(plan.debtorId()));
        return get(planId);
    }

    public Plan get(UUID planId) {
        PaymentPlanRecord r = dsl.selectFrom(PAYMENT_PLAN).where(PAYMENT_PLAN.ID.eq(planId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Payment plan", planId));
        return toPlan(r);
    }

    public List<Plan> ofDebtor(UUID debtorId) {
        return dsl.selectFrom(PAYMENT_PLAN).where(PAYMENT_PLAN.DEBTOR_ID.eq(debtorId))
                .orderBy(PAYMENT_PLAN.CREATED_AT.desc()).fetch(this::toPlan);
    }

    /** Plans newest first, optionally in one status; at most {@code limit}. */
    public List<Plan> list(@Nullable String status, int limit) {
        return dsl.selectFrom(PAYMENT_PLAN).where(status == null ? DSL.trueCondition() : PAYMENT_PLAN.STATUS.eq(status))
                .orderBy(PAYMENT_PLAN.CREATED_AT.desc()).limit(limit).fetch(this::toPlan);
    }

    /**
     * An instalment not yet fully paid, for dunning's instalment reminders. The id is stable per plan and number
     * (so each reminder step happens once per instalment); {@code open} is what remains of this instalment after the
     * payments so far, which cover instalments in order.
     */
    public record OpenInstalment(UUID id, UUID planId, UUID debtorId, UUID firstInvoiceId, int number,
                                 LocalDate dueDate, BigDecimal open) {
    }

    /** Open instalments of active plans due on or before {@code asOf}, in one query. */
    public List<OpenInstalment> openInstalments(LocalDate asOf) {
        return openInstalments(asOf, null);
    }

    /** These instalments (ids as {@link #openInstalments} gives them) of the debtor, those still open. */
    public List<OpenInstalment> openInstalmentsOf(UUID debtorId, java.util.Collection<UUID> instalmentIds) {
        return openInstalments(LocalDate.of(9999, 12, 31), debtorId).stream()
                .filter(i -> instalmentIds.contains(i.id())).toList();
    }

    private List<OpenInstalment> openInstalments(LocalDate asOf, @Nullable UUID debtorId) {
        return dsl.resultQuery("""
                with paid as (
                  select p.id, p.debtor_id, p.baseline_open - coalesce((select sum(i.open_principal + i.open_costs
                          + i.open_interest) from payment_plan_invoice pi join invoice i
                            on i.tenant_id = pi.tenant_id and i.id = pi.invoice_id
                         where pi.tenant_id = p.tenant_id and pi.plan_id = p.id), 0) as paid,
                         (select min(pi.invoice_id::text) from payment_plan_invoice pi
                           where pi.tenant_id = p.tenant_id and pi.plan_id = p.id)::uuid as first_invoice
                    from payment_plan p where p.status = 'ACTIVE' and ({1}::uuid is null or p.debtor_id = {1})),
                schedule as (
                  select t.plan_id, t.number, t.due_date, t.amount, paid.paid, paid.debtor_id, paid.first_invoice,
                         sum(t.amount) over (partition by t.plan_id order by t.number) as through
                    from payment_plan_instalment t join paid on paid.id = t.plan_id)
                select plan_id, debtor_id, first_invoice, number, due_date,
                       least(amount, through - greatest(paid, 0)) as open
                  from schedule where through > paid and due_date <= {0}
                 order by due_date, plan_id, number""", asOf, debtorId)
                .fetch(r -> new OpenInstalment(UUID.nameUUIDFromBytes((r.get(0, UUID.class) + "#" + r.get(3,
                        Integer.class)).getBytes(java.nio.charset.StandardCharsets.UTF_8)), r.get(0, UUID.class),
                        r.get(1, UUID.class), r.get(2, UUID.class), r.get(3, Integer.class),
                        r.get(4, LocalDate.class), r.get(5, BigDecimal.class)));
    }

    /**
     * How many payment plans of these debtors broke (were breached) at or after {@code since}: the acceptance
     * module's {@code plans.broken} signal. Cancelled plans do not count: a person ended them, not the debtor.
     * One constant statement (an array parameter, not an IN list rendered per call): it runs in every credit check
     * of a known debtor.
     */
    public int brokenSince(java.util.Collection<UUID> debtorIds, OffsetDateTime since) {
        if (debtorIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from payment_plan
                         where tenant_id = current_tenant() and debtor_id = any(?) and status = 'BREACHED'
                           and closed_at >= ?""")
                .param(debtorIds.toArray(UUID[]::new)).param(since).query(Integer.class).single();
    }

    /** Invoices under an active plan: dunning leaves them to the plan's own instalment reminders. */
    public java.util.Set<UUID> invoicesUnderActivePlans() {
        return java.util.Set.copyOf(dsl.select(PAYMENT_PLAN_INVOICE.INVOICE_ID).from(PAYMENT_PLAN_INVOICE)
                .join(PAYMENT_PLAN).on(PAYMENT_PLAN.TENANT_ID.eq(PAYMENT_PLAN_INVOICE.TENANT_ID)
                        .and(PAYMENT_PLAN.ID.eq(PAYMENT_PLAN_INVOICE.PLAN_ID)))
                .where(PAYMENT_PLAN.STATUS.eq("ACTIVE")).fetch(PAYMENT_PLAN_INVOICE.INVOICE_ID));
    }

    private Plan toPlan(PaymentPlanRecord r) {
        List<UUID> invoices = dsl.select(PAYMENT_PLAN_INVOICE.INVOICE_ID).from(PAYMENT_PLAN_INVOICE)
                .where(PAYMENT_PLAN_INVOICE.PLAN_ID.eq(r.getId())).fetch(PAYMENT_PLAN_INVOICE.INVOICE_ID);
        BigDecimal openNow = dsl.select(DSL.coalesce(DSL.sum(INVOICE.OPEN_PRINCIPAL.plus(INVOICE.OPEN_COSTS)
                        .plus(INVOICE.OPEN_INTEREST)), BigDecimal.ZERO)).from(INVOICE).where(INVOICE.ID.in(invoices))
                .fetchSingle().value1();
        BigDecimal paid = r.getBaselineOpen() == null ? BigDecimal.ZERO
                : r.getBaselineOpen().subtract(openNow).max(BigDecimal.ZERO);
        List<Instalment> instalments = dsl.selectFrom(PAYMENT_PLAN_INSTALMENT)
                .where(PAYMENT_PLAN_INSTALMENT.PLAN_ID.eq(r.getId())).orderBy(PAYMENT_PLAN_INSTALMENT.NUMBER)
                .fetch(i -> new Instalment(i.getNumber(), i.getDueDate(), i.getAmount(), i.getStatus()));
        return new Plan(r.getId(), r.getDebtorId(), r.getStatus(), r.getTotal(), r.getCurrency(),
                Frequency.valueOf(r.getFrequency()), r.getGraceDays(), invoices, instalments, paid,
                openNow.setScale(2), r.getNote(), r.getCreatedAt(), r.getAgreedAt(), r.getCloseReason());
    }
}
