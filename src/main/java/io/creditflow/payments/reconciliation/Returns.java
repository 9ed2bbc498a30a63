package io.creditflow.payments.reconciliation;

import io.creditflow.payments.DirectDebitReturned;
import io.creditflow.payments.PaymentReversed;
import io.creditflow.payments.directdebit.DirectDebitItems;
import io.creditflow.payments.matching.Reason;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.BANK_ENTRY;
import static io.creditflow.jooq.Tables.PAYMENT;

/**
 * Money that goes back out: a returned or reversed direct debit, a bounced transfer. Found by its end-to-end id, the
 * payment it undoes is reversed in the ledger (the invoice is open again) and dunning hears of it. A payment a person
 * had matched is not reversed by automation: the return waits in the queue for that person's colleagues.
 */
@Component
class Returns {

    private final DSLContext dsl;
    private final PaymentApplication application;
    private final DirectDebitItems directDebits;
    private final ApplicationEventPublisher events;

    Returns(DSLContext dsl, PaymentApplication application, DirectDebitItems directDebits,
            ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.application = application;
        this.directDebits = directDebits;
        this.events = events;
    }

    EntryStore.Decision handle(StatementLine line) {
        var tx = line.details();
        String endToEnd = tx == null ? null : tx.endToEndId();
        String reason = tx != null && tx.returnReasonCode() != null ? tx.returnReasonCode() : "REVERSAL";
        if (endToEnd == null) {
            return decision(line, "UNMATCHED", null, List.of(Reason.of("returnWithoutReference", reason)));
        }
        Optional<Record3<UUID, BigDecimal, UUID>> collection = dsl.select(PAYMENT.ID, PAYMENT.AMOUNT, PAYMENT.DEBTOR_ID)
                .from(PAYMENT).where(PAYMENT.REFERENCE.eq("dd:" + endToEnd)).and(PAYMENT.STATUS.eq("APPLIED"))
                .limit(1).fetchOptional();
        if (collection.isPresent()) {
            return reverse(line, endToEnd, reason, collection.get().value1(), collection.get().value2(),
                    collection.get().value3());
        }
        Optional<Record3<UUID, BigDecimal, UUID>> original = dsl.select(PAYMENT.ID, PAYMENT.AMOUNT, PAYMENT.DEBTOR_ID)
                .from(BANK_ENTRY).join(PAYMENT).on(PAYMENT.TENANT_ID.eq(BANK_ENTRY.TENANT_ID)
                        .and(PAYMENT.SOURCE.eq("BANK")).and(PAYMENT.SOURCE_ID.eq(BANK_ENTRY.ID)))
                .where(BANK_ENTRY.END_TO_END_ID.eq(endToEnd)).and(BANK_ENTRY.DIRECTION.eq("CREDIT"))
                .and(PAYMENT.STATUS.eq("APPLIED")).orderBy(BANK_ENTRY.CREATED_AT.desc()).limit(1).fetchOptional();
        if (original.isPresent()) {
            return reverse(line, endToEnd, reason, original.get().value1(), original.get().value2(),
                    original.get().value3());
        }
        Optional<DirectDebitItems.Item> item = directDebits.returned(endToEnd, reason);
        if (item.isPresent()) {
            events.publishEvent(new DirectDebitReturned(TenantContext.require(), item.get().invoiceId(), reason));
            return decision(line, "APPLIED", item.get().debtorId(), List.of(Reason.of("returnBeforeBooking", endToEnd,
                    reason)));
        }
        return decision(line, "UNMATCHED", null, List.of(Reason.of("returnNotFound", endToEnd, reason)));
    }

    private EntryStore.Decision reverse(StatementLine line, String endToEnd, String reason, UUID paymentId,
                                        BigDecimal amount, UUID debtorId) {
        if (amount.compareTo(line.amount().amount()) != 0) {
            return decision(line, "SUGGESTED", debtorId, List.of(Reason.of("returnAmountDiffers", endToEnd, reason,
                    amount.toPlainString())));
        }
        boolean manual = dsl.select(PAYMENT.MANUAL).from(PAYMENT).where(PAYMENT.ID.eq(paymentId)).fetchSingle()
                .value1();
        if (manual) {
            return decision(line, "SUGGESTED", debtorId, List.of(Reason.of("returnOfManualMatch", endToEnd, reason)));
        }
        var reversed = application.reverse(paymentId, line.entry().bookingDate(), "returned: " + reason).orElseThrow();
        UUID tenant = TenantContext.require();
        Optional<DirectDebitItems.Item> item = directDebits.returned(endToEnd, reason);
        if (item.isPresent()) {
            reversed.invoiceIds().forEach(invoice -> events.publishEvent(new DirectDebitReturned(tenant, invoice,
                    reason)));
        }
        events.publishEvent(new PaymentReversed(tenant, paymentId, debtorId, reversed.invoiceIds(),
                "returned " + reason));
        return decision(line, "APPLIED", debtorId, List.of(Reason.of(item.isPresent() ? "directDebitReturned"
                : "paymentReturned", endToEnd, reason)));
    }

    private static EntryStore.Decision decision(StatementLine line, String state, @Nullable UUID debtorId,
                                                List<Reason> reasons) {
        return new EntryStore.Decision(line.id(), state, debtorId, null, reasons, List.of());
    }
}
