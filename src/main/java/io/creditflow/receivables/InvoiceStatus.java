package io.creditflow.receivables;

public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID, DISPUTED, WRITTEN_OFF, IN_COLLECTION;

    public boolean isOpen() {
        return this != PAID && this != WRITTEN_OFF;
    }
}
