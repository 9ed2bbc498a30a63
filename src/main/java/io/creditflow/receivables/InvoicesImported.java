package io.creditflow.receivables;

import java.util.UUID;

/**
 * Many invoices arrived at once (a CSV or batch import). One event per import, not per invoice: an import of a million
 * rows must not also write a million event rows. Listeners act set-based on the tenant's open invoices.
 */
public record InvoicesImported(UUID tenantId, UUID importId, int invoices, int debtors) {
}
