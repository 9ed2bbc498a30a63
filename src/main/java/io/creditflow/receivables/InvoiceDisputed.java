package io.creditflow.receivables;

import java.util.UUID;

/** The debtor disputes the invoice; dunning pauses for it. */
public record InvoiceDisputed(UUID tenantId, UUID invoiceId, String reason) {
}
