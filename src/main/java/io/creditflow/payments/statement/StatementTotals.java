package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What the parser counted over one statement once its last entry was read, after the balance check passed.
 * Totals cover booked entries only.
 */
public record StatementTotals(@Nullable Balance closing, int entries, Money credits, Money debits) {
}
