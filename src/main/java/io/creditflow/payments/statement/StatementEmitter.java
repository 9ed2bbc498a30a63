package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Sits between a parser and the caller's handler: passes entries on, keeps the running totals and, when a statement
 * ends, checks that opening balance + credits - debits = closing balance. Only booked entries count.
 */
final class StatementEmitter {

    private final StatementHandler handler;
    private @Nullable StatementHeader header;
    private Money credits = Money.zero(Money.EUR);
    private Money debits = Money.zero(Money.EUR);
    private int entries;

    StatementEmitter(StatementHandler handler) {
        this.handler = handler;
    }

    boolean inStatement() {
        return header != null;
    }

    void start(StatementHeader started) {
        header = started;
        credits = Money.zero(started.currency());
        debits = Money.zero(started.currency());
        entries = 0;
        handler.statementStarted(started);
    }

    void entry(StatementEntry entry, String location) {
        StatementHeader current = requireHeader(location);
        if (!entry.amount().currency().equals(current.currency())) {
            throw new StatementFormatException(location, "entry amount " + entry.amount()
                    + " is not in the statement's currency " + current.currency());
        }
        if (entry.status() == EntryStatus.BOOKED) {
            if (entry.creditDebit() == CreditDebit.CREDIT) {
                credits = credits.plus(entry.amount());
            } else {
                debits = debits.plus(entry.amount());
            }
        }
        entries++;
        handler.entry(current, entry);
    }

    void end(@Nullable Balance closing, String location) {
        StatementHeader current = requireHeader(location);
        Balance opening = current.opening();
        if (opening != null && closing != null) {
            if (!closing.amount().currency().equals(current.currency())) {
                throw new StatementFormatException(location, "closing balance " + closing.amount()
                        + " is not in the statement's currency " + current.currency());
            }
            Money computed = opening.amount().plus(credits).minus(debits);
            if (!computed.equals(closing.amount())) {
                throw new StatementFormatException(location, "statement " + current.statementId()
                        + " does not balance: opening " + opening.amount().toPlainString()
                        + " + credits " + credits.toPlainString() + " - debits " + debits.toPlainString()
                        + " = " + computed.toPlainString() + ", but the closing balance is "
                        + closing.amount().toPlainString() + " (difference "
                        + closing.amount().minus(computed).toPlainString() + ")");
            }
        }
        header = null;
        handler.statementEnded(current, new StatementTotals(closing, entries, credits, debits));
    }

    private StatementHeader requireHeader(String location) {
        if (header == null) {
            throw new StatementFormatException(location, "entry or closing balance outside a statement");
        }
        return header;
    }
}
