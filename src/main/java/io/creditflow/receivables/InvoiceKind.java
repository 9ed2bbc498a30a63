package io.creditflow.receivables;

public enum InvoiceKind { INVOICE, CREDIT_NOTE }
