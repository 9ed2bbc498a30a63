package io.creditflow.payments;

import java.util.List;
import java.util.UUID;

/**
 * A payment was undone (its bank returned it, or a person unmatched it): the invoices are open again by what it had
 * paid. A returned direct debit also publishes {@link DirectDebitReturned} per invoice.
 */
public record PaymentReversed(UUID tenantId, UUID paymentId, UUID debtorId, List<UUID> invoiceIds, String reason) {

    public PaymentReversed {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
