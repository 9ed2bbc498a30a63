package io.creditflow.payments.statement;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * The bank whose MT940 layout a file follows. The {@code :61:} line is standard; the {@code :86:} information field
 * is each bank's own: ING writes {@code /CNTP/iban/bic/name/city/}, Rabobank {@code /BENM//NAME/...} or
 * {@code /ORDP//NAME/...} with the counter-account on the second {@code :61:} line, ABN AMRO either
 * {@code /TRTP/.../IBAN/.../NAME/...} or a fixed-width layout with labels ({@code IBAN: ... Naam: ...
 * Omschrijving: ...}).
 */
public enum Mt940Dialect {
    ING("MT940 ING"),
    RABOBANK("MT940 Rabobank"),
    ABN_AMRO("MT940 ABN AMRO"),
    GENERIC("MT940");

    private final String label;

    Mt940Dialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A dialect from a header line that precedes the first statement, when it names the bank. */
    static @Nullable Mt940Dialect fromHeaderLine(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("ABNANL")) {
            return ABN_AMRO;
        }
        if (upper.startsWith(":940:")) {
            return RABOBANK;
        }
        if (upper.contains("INGBNL")) {
            return ING;
        }
        if (upper.contains("RABONL")) {
            return RABOBANK;
        }
        return null;
    }

    /** A dialect from the account in {@code :25:}, when it is a Dutch IBAN of one of the three banks. */
    static Mt940Dialect fromAccount(String account) {
        String upper = account.toUpperCase(Locale.ROOT);
        if (upper.length() >= 8 && upper.startsWith("NL")) {
            return switch (upper.substring(4, 8)) {
                case "INGB" -> ING;
                case "RABO" -> RABOBANK;
                case "ABNA" -> ABN_AMRO;
                default -> GENERIC;
            };
        }
        return GENERIC;
    }
}
