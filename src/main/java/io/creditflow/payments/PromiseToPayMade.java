package io.creditflow.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The debtor promised to pay by a date: dunning pauses these invoices until {@code pausedUntil}. */
public record PromiseToPayMade(UUID tenantId, UUID promiseId, UUID debtorId, List<UUID> invoiceIds,
                               LocalDate promisedDate, LocalDate pausedUntil) {
    public PromiseToPayMade {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
