package io.creditflow.receivables;

import java.util.UUID;

/** A debtor was registered one by one (bulk imports publish {@link InvoicesImported} instead). */
public record DebtorRegistered(UUID tenantId, UUID debtorId) {
}
