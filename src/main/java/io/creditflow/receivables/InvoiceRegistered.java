package io.creditflow.receivables;

import java.util.UUID;

/** An invoice or credit note was registered one by one (through the API or console). */
public record InvoiceRegistered(UUID tenantId, UUID invoiceId, UUID debtorId) {
}
