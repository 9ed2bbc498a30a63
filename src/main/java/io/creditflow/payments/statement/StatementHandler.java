package io.creditflow.payments.statement;

/**
 * Receives a statement file's content as it is read, one entry at a time, so a 200 MB file never sits in memory.
 * A file may hold several statements (one per day in MT940). An entry is handed over before the parser has seen the
 * closing balance: a handler that applies entries must do so inside a transaction (or stage them) and give up on a
 * {@link StatementFormatException}, so that a file that does not balance applies nothing.
 */
public interface StatementHandler {

    default void statementStarted(StatementHeader header) {
    }

    void entry(StatementHeader statement, StatementEntry entry);

    default void statementEnded(StatementHeader statement, StatementTotals totals) {
    }
}
