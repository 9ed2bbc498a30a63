package io.creditflow.payments;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PAYMENT_PLAN;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INSTALMENT;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INVOICE;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY_INVOICE;

/**
 * What dunning asks before sending a reminder: is this invoice under an arrangement with the debtor? An invoice in a
 * running payment plan is paused until the plan's last instalment (its instalments get their own reminders); one
 * under an open promise to pay, until the promised date plus grace.
 */
@Component
public class PaymentArrangements {

    /** Why and until when an invoice is paused. */
    public record Pause(Kind kind, UUID arrangementId, LocalDate until) {
        public enum Kind { PAYMENT_PLAN, PROMISE_TO_PAY }
    }

    private final DSLContext dsl;

    PaymentArrangements(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Pause> pauseFor(UUID invoiceId, LocalDate on) {
        return Optional.ofNullable(pausesFor(java.util.List.of(invoiceId), on).get(invoiceId));
    }

    /** The pauses of many invoices at once (two queries), e.g. for a dunning run. */
    public Map<UUID, Pause> pausesFor(Collection<UUID> invoiceIds, LocalDate on) {
        Map<UUID, Pause> pauses = new HashMap<>();
        var lastDue = DSL.select(DSL.max(PAYMENT_PLAN_INSTALMENT.DUE_DATE)).from(PAYMENT_PLAN_INSTALMENT)
                .where(PAYMENT_PLAN_INSTALMENT.PLAN_ID.eq(PAYMENT_PLAN.ID)).asField("last_due");
        dsl.select(PAYMENT_PLAN_INVOICE.INVOICE_ID, PAYMENT_PLAN.ID, PAYMENT_PLAN.GRACE_DAYS, lastDue)
                .from(PAYMENT_PLAN_INVOICE).join(PAYMENT_PLAN).on(PAYMENT_PLAN.TENANT_ID.eq(PAYMENT_PLAN_INVOICE.TENANT_ID)
                        .and(PAYMENT_PLAN.ID.eq(PAYMENT_PLAN_INVOICE.PLAN_ID)))
                .where(PAYMENT_PLAN_INVOICE.INVOICE_ID.in(invoiceIds)).and(PAYMENT_PLAN.STATUS.eq("ACTIVE"))
                .forEach(r -> pauses.put(r.value1(), new Pause(Pause.Kind.PAYMENT_PLAN, r.value2(),
                        ((LocalDate) r.value4()).plusDays(r.value3()))));
        dsl.select(PROMISE_TO_PAY_INVOICE.INVOICE_ID, PROMISE_TO_PAY.ID, PROMISE_TO_PAY.PROMISED_DATE,
                        PROMISE_TO_PAY.GRACE_DAYS)
                .from(PROMISE_TO_PAY_INVOICE).join(PROMISE_TO_PAY).on(PROMISE_TO_PAY.TENANT_ID.eq(PROMISE_TO_PAY_INVOICE.TENANT_ID)
                        .and(PROMISE_TO_PAY.ID.eq(PROMISE_TO_PAY_INVOICE.PROMISE_ID)))
                .where(PROMISE_TO_PAY_INVOICE.INVOICE_ID.in(invoiceIds)).and(PROMISE_TO_PAY.STATUS.eq("OPEN"))
                .forEach(r -> {
                    LocalDate until = r.value3().plusDays(r.value4());
                    if (!until.isBefore(on)) {
                        pauses.merge(r.value1(), new Pause(Pause.Kind.PROMISE_TO_PAY, r.value2(), until),
                                (a, b) -> a.until().isAfter(b.until()) ? a : b);
                    }
                });
        return pauses;
    }
}
