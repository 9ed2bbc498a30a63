package io.creditflow.shared;

/**
 * How a written amount groups thousands and marks decimals. Dutch bank exports and spreadsheets write
 * {@code 1.234,56}; international ones {@code 1,234.56}. The two cannot always be told apart ({@code 1.234}), so a
 * caller either says which one a source uses or lets {@link Money#parseUnambiguous} refuse what it cannot decide.
 */
public enum AmountFormat {

    /** {@code 1.234,56}: dot groups thousands, comma marks decimals. */
    DUTCH('.', ','),

    /** {@code 1,234.56}: comma groups thousands, dot marks decimals. */
    INTERNATIONAL(',', '.');

    private final char groupingSeparator;
    private final char decimalSeparator;

    AmountFormat(char groupingSeparator, char decimalSeparator) {
        this.groupingSeparator = groupingSeparator;
        this.decimalSeparator = decimalSeparator;
    }

    public char groupingSeparator() {
        return groupingSeparator;
    }

    public char decimalSeparator() {
        return decimalSeparator;
    }
}
