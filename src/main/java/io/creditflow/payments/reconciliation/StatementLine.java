package io.creditflow.payments.reconciliation;

import io.creditflow.payments.statement.CreditDebit;
import io.creditflow.payments.statement.EntryStatus;
import io.creditflow.payments.statement.StatementEntry;
import io.creditflow.payments.statement.StatementHeader;
import io.creditflow.payments.statement.TransactionDetails;
import io.creditflow.platform.Ids;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One line to reconcile: a booking, or one transaction of a batch booking whose transactions carry their own amounts
 * (a direct-debit batch: each collection can be returned on its own). {@code txIndex} is 0 for a single booking and
 * 1..n within a batch; with the bank's entry reference it is the line's identity across re-imports.
 */
record StatementLine(UUID id, String account, String statementRef, String entryRef, int txIndex, long lineNumber,
                     StatementEntry entry, Money amount, Kind kind, @Nullable TransactionDetails details,
                     boolean batchWithoutDetails) {

    /** What a line is, as far as receivables are concerned. */
    enum Kind {
        /** Money in: a payment to match. */
        PAYMENT,
        /** Money out that undoes money in: a returned or reversed collection or payment. */
        RETURN,
        /** Money in that undoes money out: a refund of ours that came back. */
        REFUND_RETURNED,
        /** Money out: not a receivable. */
        OUTGOING,
        /** Not booked (pending, information): applied when the bank books it. */
        NOT_BOOKED
    }

    String key() {
        return account + "|" + entryRef + "|" + txIndex + "|" + booked();
    }

    boolean booked() {
        return entry.status() == EntryStatus.BOOKED;
    }

    static List<StatementLine> of(StatementHeader header, StatementEntry entry, String fallbackReference) {
        String account = header.accountIban() != null ? header.accountIban().value() : header.account();
        String reference = entry.entryReference() != null ? entry.entryReference() : fallbackReference;
        List<TransactionDetails> txs = entry.transactions();
        boolean split = txs.size() > 1 && txs.stream().allMatch(t -> t.amount() != null);
        List<StatementLine> lines = new ArrayList<>();
        if (split) {
            for (int i = 0; i < txs.size(); i++) {
                TransactionDetails tx = txs.get(i);
                lines.add(new StatementLine(Ids.newId(), account, header.statementId(), reference, i + 1,
                        entry.lineNumber(), entry, tx.amount(), kind(entry, tx), tx, false));
            }
        } else {
            TransactionDetails tx = entry.firstTransaction();
            lines.add(new StatementLine(Ids.newId(), account, header.statementId(), reference, 0, entry.lineNumber(),
                    entry, entry.amount(), kind(entry, tx), txs.size() > 1 ? null : tx, txs.size() > 1));
        }
        return lines;
    }

    private static Kind kind(StatementEntry entry, @Nullable TransactionDetails tx) {
        if (entry.status() != EntryStatus.BOOKED) {
            return Kind.NOT_BOOKED;
        }
        boolean undoes = entry.reversal() || (tx != null && tx.isReturn());
        if (entry.creditDebit() == CreditDebit.CREDIT) {
            return undoes ? Kind.REFUND_RETURNED : Kind.PAYMENT;
        }
        return undoes ? Kind.RETURN : Kind.OUTGOING;
    }
}
