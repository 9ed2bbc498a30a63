package io.creditflow.shared;

import java.util.Objects;

/**
 * A payment reference that follows no checked structure: an invoice number or description as the creditor wrote
 * it. Limited to the 140 characters of an unstructured SEPA remittance line.
 */
public record FreeTextReference(String value) implements PaymentReference {

    public static final int MAX_LENGTH = 140;

    public FreeTextReference {
        Objects.requireNonNull(value, "payment reference");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A payment reference cannot be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A free-text payment reference has at most " + MAX_LENGTH
                    + " characters, this one " + value.length());
        }
    }

    @Override
    public boolean structured() {
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
