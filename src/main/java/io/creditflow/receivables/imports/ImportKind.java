package io.creditflow.receivables.imports;

/** What a file holds: invoices (with their debtors on each row) or debtors only. */
public enum ImportKind {
    INVOICES, DEBTORS
}
