package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One booking on the statement: a single payment, or a batch (a direct-debit collection, a salary run) whose
 * transactions are listed in {@link #transactions()}.
 *
 * @param lineNumber where the entry starts in the file (line of the {@code Ntry} element, the {@code :61:} tag or
 *         the CSV record), for messages that point a person at the source
 * @param entryReference the bank's own unique reference of the entry (camt {@code AcctSvcrRef}, the MT940 bank
 *         reference after {@code //}, or a content hash for CSV): the key that makes re-imports idempotent
 * @param amount always positive; {@link #creditDebit()} gives the direction
 * @param reversal the entry undoes an earlier one (camt {@code RvslInd}, MT940 {@code RC}/{@code RD})
 * @param bankTransactionCode the ISO domain/family/sub-family ({@code PMNT/RDDT/ESDD}), a proprietary code, or
 *         the MT940 transaction type ({@code NTRF}, {@code N541})
 * @param batchSize the number of transactions the bank says the batch holds, when it says so
 * @param additionalInfo free text the bank adds to the entry itself
 */
public record StatementEntry(
        long lineNumber,
        @Nullable String entryReference,
        LocalDate bookingDate,
        @Nullable LocalDate valueDate,
        Money amount,
        CreditDebit creditDebit,
        boolean reversal,
        EntryStatus status,
        @Nullable String bankTransactionCode,
        boolean batch,
        @Nullable Integer batchSize,
        @Nullable String additionalInfo,
        List<TransactionDetails> transactions) {

    public StatementEntry {
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditDebit, "creditDebit");
        Objects.requireNonNull(status, "status");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Entry amount must be positive, the direction is in creditDebit: "
                    + amount);
        }
        transactions = List.copyOf(transactions);
    }

    /** The amount as it moves the balance: positive for credits, negative for debits. */
    public Money signedAmount() {
        return creditDebit == CreditDebit.CREDIT ? amount : amount.negate();
    }

    /** The only transaction of a non-batch entry, or the first of a batch; null when the bank gave no details. */
    public @Nullable TransactionDetails firstTransaction() {
        return transactions.isEmpty() ? null : transactions.getFirst();
    }
}
