package io.creditflow.payments;

import java.util.UUID;

/**
 * A direct-debit collection for an invoice came back (insufficient funds, account closed, refused, refunded on the
 * debtor's request): the invoice is open again and dunning's reversal step takes over.
 *
 * @param reasonCode the ISO reason, e.g. {@code AM04}, {@code AC04}, {@code MD06}, {@code MS02}
 */
public record DirectDebitReturned(UUID tenantId, UUID invoiceId, String reasonCode) {
}
