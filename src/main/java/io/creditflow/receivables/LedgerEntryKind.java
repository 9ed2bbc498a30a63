package io.creditflow.receivables;

/** What a ledger entry records. Amounts are signed: + the debtor owes more, - the debtor owes less. */
public enum LedgerEntryKind {
    ISSUED, PAYMENT, CREDIT_NOTE, COST_CHARGED, INTEREST_CHARGED, WRITE_OFF, REVERSAL, ADJUSTMENT
}
