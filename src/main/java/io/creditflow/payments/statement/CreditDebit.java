package io.creditflow.payments.statement;

/** Direction of a booking on the statement's account: money in (credit) or money out (debit). */
public enum CreditDebit {
    CREDIT,
    DEBIT;

    public CreditDebit opposite() {
        return this == CREDIT ? DEBIT : CREDIT;
    }
}
