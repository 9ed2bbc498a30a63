package io.creditflow.receivables;

import java.util.UUID;

/** A settled invoice is open again (a reversed payment, a returned direct debit). */
public record InvoiceReopened(UUID tenantId, UUID invoiceId, String reason) {
}
