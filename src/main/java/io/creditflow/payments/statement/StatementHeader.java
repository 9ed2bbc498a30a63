package io.creditflow.payments.statement;

import io.creditflow.shared.Iban;
import org.jspecify.annotations.Nullable;

import java.util.Currency;
import java.util.Objects;

/**
 * What is known about a statement before its entries: the format and dialect it came in, its id, the account and
 * the opening balance.
 *
 * @param dialect the precise variant, e.g. {@code camt.053.001.08}, {@code MT940 ING}, {@code CSV generic}
 * @param account the account as the file names it; {@link #accountIban()} when that is a valid IBAN
 * @param opening absent for CSV exports that carry no balance
 */
public record StatementHeader(
        StatementFormat format,
        String dialect,
        String statementId,
        String account,
        @Nullable Iban accountIban,
        Currency currency,
        @Nullable Balance opening) {

    public StatementHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
    }
}
