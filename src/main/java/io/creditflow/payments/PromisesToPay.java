package io.creditflow.payments;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.PromiseToPayRecord;
import io.creditflow.payments.arrangements.PromisePauses;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY_INVOICE;

/**
 * Promises to pay: the debtor says they will pay an amount by a date. Dunning pauses the invoices until then (plus
 * the tenant's grace days); the daily review marks the promise kept once the amount is paid, or broken when the date
 * has passed without it.
 */
@Component
public class PromisesToPay {

    static final Set<String> CHANNELS = Set.of("PHONE", "EMAIL", "PORTAL", "LETTER", "OTHER");

    public record Promise(UUID id, UUID debtorId, BigDecimal amount, String currency, LocalDate promisedDate,
                          int graceDays, String status, String channel, List<UUID> invoiceIds, BigDecimal paid,
                          @Nullable String note, OffsetDateTime createdAt) {
        public LocalDate pausedUntil() {
            return promisedDate.plusDays(graceDays);
        }
    }

    private final DSLContext dsl;
    private final PaymentSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final PromisePauses pauses;

    PromisesToPay(DSLContext dsl, PaymentSettingsStore settings, ApplicationEventPublisher events, AuditLog audit,
                  Clock clock, PromisePauses pauses) {
        this.pauses = pauses;
        this.dsl = dsl;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a promise; without invoices it covers all of the debtor's open invoices. */
    @Transactional
    public Promise make(UUID debtorId, List<UUID> invoiceIds, BigDecimal amount, LocalDate promisedDate,
                        String channel, @Nullable String note) {
        if (amount.signum() <= 0 || promisedDate.isBefore(LocalDate.now(clock)) || !CHANNELS.contains(channel)) {
            throw new ValidationException("The promise has invalid fields.", List.of(
                    new BusinessRuleException.FieldError(amount.signum() <= 0 ? "amount" : !CHANNELS.contains(channel)
                            ? "channel" : "promisedDate", amount.signum() <= 0 ? "must be positive"
                            : !CHANNELS.contains(channel) ? "one of " + CHANNELS : "must not be in the past")));
        }
        var condition = invoiceIds.isEmpty() ? INVOICE.DEBTOR_ID.eq(debtorId)
                .and(INVOICE.STATUS.in("OPEN", "PARTIALLY_PAID", "DISPUTED", "IN_COLLECTION"))
                .and(INVOICE.KIND.eq("INVOICE")) : INVOICE.ID.in(invoiceIds);
        var invoices = dsl.selectFrom(INVOICE).where(condition).fetch();
        if (invoices.isEmpty() || invoices.stream().anyMatch(i -> !i.getDebtorId().equals(debtorId))) {
            throw new BusinessRuleException("no-open-invoices", "The promise must cover open invoices of this debtor.");
        }
        BigDecimal open = invoices.stream().map(i -> i.getOpenPrincipal().add(i.getOpenCosts()).add(i.getOpenInterest()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID id = Ids.newId();
        UUID tenant = TenantContext.require();
        int grace = settings.current().promiseGraceDays();
        dsl.insertInto(PROMISE_TO_PAY).set(PROMISE_TO_PAY.TENANT_ID, tenant).set(PROMISE_TO_PAY.ID, id)
                .set(PROMISE_TO_PAY.DEBTOR_ID, debtorId).set(PROMISE_TO_PAY.AMOUNT, amount.min(open))
                .set(PROMISE_TO_PAY.CURRENCY, invoices.getFirst().getCurrency())
                .set(PROMISE_TO_PAY.PROMISED_DATE, promisedDate).set(PROMISE_TO_PAY.GRACE_DAYS, grace)
                .set(PROMISE_TO_PAY.BASELINE_OPEN, open).set(PROMISE_TO_PAY.STATUS, "OPEN")
                .set(PROMISE_TO_PAY.CHANNEL, channel).set(PROMISE_TO_PAY.NOTE, note)
                .set(PROMISE_TO_PAY.CREATED_BY, Actor.current().name()).execute();
        List<UUID> covered = invoices.stream().map(io.creditflow.jooq.tables.records.InvoiceRecord::getId).toList();
        for (UUID invoice : covered) {
            dsl.insertInto(PROMISE_TO_PAY_INVOICE).set(PROMISE_TO_PAY_INVOICE.TENANT_ID, tenant)
                    .set(PROMISE_TO_PAY_INVOICE.PROMISE_ID, id).set(PROMISE_TO_PAY_INVOICE.INVOICE_ID, invoice).execute();
        }
        pauses.pause(id, covered, promisedDate.plusDays(grace));
        audit.record(AuditEvent.of("promise-to-pay.made", "promise-to-pay", id).subject(debtorId)
                .detail("amount", amount.toPlainString()).detail("date", promisedDate.toString()));
        events.publishEvent(new PromiseToPayMade(tenant, id, debtorId, covered, promisedDate,
                promisedDate.plusDays(grace)));
        return get(id);
    }

    @Transactional
    public Promise cancel(UUID promiseId, String reason) {
        Promise promise = get(promiseId);
        if (!promise.status().equals("OPEN")) {
            throw new BusinessRuleException("not-open", "The promise is " + promise.status().toLowerCase() + ".");
        }
        dsl.update(PROMISE_TO_PAY).set(PROMISE_TO_PAY.STATUS, "CANCELLED")
                .set(PROMISE_TO_PAY.CLOSED_AT, DSL.currentOffsetDateTime()).set(PROMISE_TO_PAY.NOTE, reason)
                .where(PROMISE_TO_PAY.ID.eq(promiseId)).execute();
        pauses.end(promiseId, promise.debtorId(), promise.invoiceIds());
        return get(promiseId);
    }

    public Promise get(UUID promiseId) {
        return dsl.selectFrom(PROMISE_TO_PAY).where(PROMISE_TO_PAY.ID.eq(promiseId)).fetchOptional().map(this::toPromise)
                .orElseThrow(() -> new NotFoundException("Promise to pay", promiseId));
    }

    public List<Promise> list(@Nullable UUID debtorId, @Nullable String status, int limit) {
        var condition = DSL.noCondition();
        if (debtorId != null) {
            condition = condition.and(PROMISE_TO_PAY.DEBTOR_ID.eq(debtorId));
        }
        if (status != null) {
            condition = condition.and(PROMISE_TO_PAY.STATUS.eq(status));
        }
        return dsl.selectFrom(PROMISE_TO_PAY).where(condition).orderBy(PROMISE_TO_PAY.CREATED_AT.desc()).limit(limit)
                .fetch(this::toPromise);
    }

    private Promise toPromise(PromiseToPayRecord r) {
        List<UUID> invoices = dsl.select(PROMISE_TO_PAY_INVOICE.INVOICE_ID).from(PROMISE_TO_PAY_INVOICE)
                .where(PROMISE_TO_PAY_INVOICE.PROMISE_ID.eq(r.getId())).fetch(PROMISE_TO_PAY_INVOICE.INVOICE_ID);
        BigDecimal openNow = dsl.select(DSL.coalesce(DSL.sum(INVOICE.OPEN_PRINCIPAL.plus(INVOICE.OPEN_COSTS)
                .plus(INVOICE.OPEN_INTEREST)), BigDecimal.ZERO)).from(INVOICE).where(INVOICE.ID.in(invoices))
                .fetchSingle().value1();
        return new Promise(r.getId(), r.getDebtorId(), r.getAmount(), r.getCurrency(), r.getPromisedDate(),
                r.getGraceDays(), r.getStatus(), r.getChannel(), invoices,
                r.getBaselineOpen().subtract(openNow).max(BigDecimal.ZERO), r.getNote(), r.getCreatedAt());
    }
}
