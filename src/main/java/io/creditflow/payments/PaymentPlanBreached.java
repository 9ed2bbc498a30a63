package io.creditflow.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A plan was not kept: an instalment is unpaid beyond the grace period. The plan ends, and what remains open on its
 * invoices goes back into the regular dunning flow.
 */
public record PaymentPlanBreached(UUID tenantId, UUID planId, UUID debtorId, List<UUID> invoiceIds,
                                  BigDecimal remaining) {
    public PaymentPlanBreached {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
