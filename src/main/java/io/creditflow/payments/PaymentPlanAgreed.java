package io.creditflow.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A payment plan was agreed: dunning pauses the plan's invoices while it runs (until {@code lastDueDate}). */
public record PaymentPlanAgreed(UUID tenantId, UUID planId, UUID debtorId, List<UUID> invoiceIds,
                                LocalDate lastDueDate) {
    public PaymentPlanAgreed {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
