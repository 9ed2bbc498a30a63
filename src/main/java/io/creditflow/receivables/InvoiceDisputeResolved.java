package io.creditflow.receivables;

import java.util.UUID;

/** The dispute was resolved; dunning resumes. */
public record InvoiceDisputeResolved(UUID tenantId, UUID invoiceId, String resolution) {
}
