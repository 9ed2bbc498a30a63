package io.creditflow.payments.statement;

/** The file formats a bank statement can arrive in. */
public enum StatementFormat {
    /** ISO 20022 BankToCustomerStatement, any version from 001.02 on. */
    CAMT053,
    /** SWIFT MT940 customer statement, with the bank's own layout of the :86: information field. */
    MT940,
    /** A spreadsheet export read through a column mapping. */
    CSV
}
