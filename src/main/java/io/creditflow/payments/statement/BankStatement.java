package io.creditflow.payments.statement;

import io.creditflow.shared.Iban;
import org.jspecify.annotations.Nullable;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A whole statement in memory: header, closing balance and all entries. Convenient for small files, tests and
 * previews; imports of real files go through {@link StatementHandler} instead.
 */
public record BankStatement(StatementHeader header, @Nullable Balance closing, List<StatementEntry> entries) {

    public BankStatement {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
    }

    public StatementFormat format() {
        return header.format();
    }

    public String statementId() {
        return header.statementId();
    }

    public @Nullable Iban accountIban() {
        return header.accountIban();
    }

    public Currency currency() {
        return header.currency();
    }

    public @Nullable Balance opening() {
        return header.opening();
    }
}
