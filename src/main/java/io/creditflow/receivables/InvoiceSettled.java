package io.creditflow.receivables;

import java.util.UUID;

/** The invoice's open amount reached zero (paid, credited or written off). */
public record InvoiceSettled(UUID tenantId, UUID invoiceId, InvoiceStatus status) {
}
