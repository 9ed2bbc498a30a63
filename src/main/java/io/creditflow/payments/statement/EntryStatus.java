package io.creditflow.payments.statement;

import java.util.Locale;

/**
 * Whether the bank has booked an entry. Only booked entries move the balance; pending and informational ones are
 * reported but must not settle invoices.
 */
public enum EntryStatus {
    BOOKED,
    PENDING,
    INFORMATION,
    FUTURE;

    /** From the ISO 20022 code ({@code BOOK}, {@code PDNG}, {@code INFO}, {@code FUTR}). */
    static EntryStatus fromIsoCode(String code) {
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "BOOK" -> BOOKED;
            case "PDNG" -> PENDING;
            case "INFO" -> INFORMATION;
            case "FUTR" -> FUTURE;
            default -> throw new IllegalArgumentException("unknown entry status '" + code + "'");
        };
    }
}
