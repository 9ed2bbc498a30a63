package io.creditflow.payments;

import java.util.UUID;

/**
 * A bank statement file was imported (one event per file, not per payment: a file can hold a hundred thousand).
 * Listeners that need the individual payments ask {@link Payments#ofImport(UUID)}; invoices that became paid have
 * their own {@code receivables.InvoiceSettled}.
 */
public record BankStatementImported(UUID tenantId, UUID importId, int entries, int applied, int suggested,
                                    int unmatched, int duplicates) {
}
