package io.creditflow.payments;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.BANK_ENTRY;
import static io.creditflow.jooq.Tables.PAYMENT;
import static io.creditflow.jooq.Tables.PAYMENT_ALLOCATION;

/** Read access to applied payments for other modules (dunning reacting to an import, the debtor page). */
@Component
public class Payments {

    /** A payment and the invoices it went to. */
    public record AppliedPayment(UUID paymentId, UUID debtorId, BigDecimal amount, LocalDate valueDate, String source,
                                 boolean reversed, List<UUID> invoiceIds, BigDecimal credited) {
    }

    private final DSLContext dsl;

    Payments(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The payments a statement import applied. */
    public List<AppliedPayment> ofImport(UUID importId) {
        return load(PAYMENT.SOURCE.eq("BANK").and(PAYMENT.SOURCE_ID.in(
                dsl.select(BANK_ENTRY.ID).from(BANK_ENTRY).where(BANK_ENTRY.IMPORT_ID.eq(importId)))));
    }

    /** The payments that went (partly) to an invoice, oldest first. */
    public List<AppliedPayment> forInvoice(UUID invoiceId) {
        return load(PAYMENT.ID.in(dsl.select(PAYMENT_ALLOCATION.PAYMENT_ID).from(PAYMENT_ALLOCATION)
                .where(PAYMENT_ALLOCATION.INVOICE_ID.eq(invoiceId))));
    }

    /** A debtor's payments, newest first. */
    public List<AppliedPayment> ofDebtor(UUID debtorId, int limit) {
        return load(PAYMENT.DEBTOR_ID.eq(debtorId)).reversed().stream().limit(limit).toList();
    }

    private List<AppliedPayment> load(org.jooq.Condition condition) {
        Map<UUID, List<UUID>> invoices = new LinkedHashMap<>();
        var rows = dsl.selectFrom(PAYMENT).where(condition).orderBy(PAYMENT.CREATED_AT, PAYMENT.ID).fetch();
        dsl.select(PAYMENT_ALLOCATION.PAYMENT_ID, PAYMENT_ALLOCATION.INVOICE_ID).from(PAYMENT_ALLOCATION)
                .where(PAYMENT_ALLOCATION.PAYMENT_ID.in(rows.getValues(PAYMENT.ID)))
                .orderBy(PAYMENT_ALLOCATION.POSITION)
                .forEach(r -> invoices.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return rows.stream().map(p -> new AppliedPayment(p.getId(), p.getDebtorId(), p.getAmount(), p.getValueDate(),
                p.getSource(), "REVERSED".equals(p.getStatus()), invoices.getOrDefault(p.getId(), List.of()),
                p.getCredited())).toList();
    }
}
