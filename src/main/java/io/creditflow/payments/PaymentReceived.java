package io.creditflow.payments;

import java.util.List;
import java.util.UUID;

/**
 * Money was applied to a debtor's invoices one payment at a time: a payment link paid, or a person matching a payment
 * from the queue. (Statement imports publish {@link BankStatementImported} instead.)
 *
 * @param source {@code LINK}, {@code BANK} or {@code CREDIT}
 */
public record PaymentReceived(UUID tenantId, UUID paymentId, UUID debtorId, List<UUID> invoiceIds, String source) {

    public PaymentReceived {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
