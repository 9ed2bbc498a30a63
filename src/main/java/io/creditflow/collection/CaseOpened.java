package io.creditflow.collection;

import java.util.List;
import java.util.UUID;

/** A collection case was opened for a debtor's overdue invoices. */
public record CaseOpened(UUID tenantId, UUID caseId, UUID debtorId, List<UUID> invoiceIds) {
    public CaseOpened {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
