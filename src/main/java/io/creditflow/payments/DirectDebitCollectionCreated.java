package io.creditflow.payments;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A direct-debit collection file was made: its debtors must be told before the collection date. One event per file;
 * the notices themselves (debtor, invoices, amount, mandate, date) come from {@link DirectDebits#preNotifications}.
 */
public record DirectDebitCollectionCreated(UUID tenantId, UUID collectionId, LocalDate collectionDate, int debtors,
                                           int items) {
}
