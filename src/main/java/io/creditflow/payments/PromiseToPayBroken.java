package io.creditflow.payments;

import java.util.List;
import java.util.UUID;

/** The promised date (plus grace) passed without the payment: dunning resumes for these invoices. */
public record PromiseToPayBroken(UUID tenantId, UUID promiseId, UUID debtorId, List<UUID> invoiceIds) {
    public PromiseToPayBroken {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
