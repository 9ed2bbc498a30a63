package io.creditflow.shared;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 11649 structured creditor reference: {@code RF}, two check digits and 1 to 21 letters or digits. Valid
 * when the reference moved behind {@code RFkk}, letters as numbers, leaves remainder 1 modulo 97.
 */
public record RfCreditorReference(String value) implements PaymentReference {

    private static final Pattern SHAPE = Pattern.compile("RF\\d{2}[A-Z0-9]{1,21}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9]{1,21}");

    public RfCreditorReference {
        value = normalise(value);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value
                    + "' is not an RF creditor reference: RF, 2 check digits and 1-21 letters or digits expected");
        }
        if (!Mod97.isValid(value.substring(4), value.substring(0, 4))) {
            throw new IllegalArgumentException("RF creditor reference " + value + " has wrong check digits "
                    + value.substring(2, 4) + ", expected " + Mod97.checkDigits(value.substring(4), "RF"));
        }
    }

    /** Creates the reference for a creditor's own reference (invoice number, customer number, sequence). */
    public static RfCreditorReference create(String reference) {
        String normalised = normalise(reference);
        if (!REFERENCE.matcher(normalised).matches()) {
            throw new IllegalArgumentException("'" + reference
                    + "' cannot become an RF creditor reference: 1-21 letters or digits expected");
        }
        return new RfCreditorReference("RF" + Mod97.checkDigits(normalised, "RF") + normalised);
    }

    public static RfCreditorReference parse(String text) {
        return new RfCreditorReference(text);
    }

    public static boolean isValid(@Nullable String text) {
        if (text == null) {
            return false;
        }
        try {
            new RfCreditorReference(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The creditor's own reference, without RF and check digits. */
    public String reference() {
        return value.substring(4);
    }

    /** The print form in groups of four: {@code RF71 2348 231}. */
    public String formatted() {
        return PrintGroups.ofFour(value);
    }

    @Override
    public boolean structured() {
        return true;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String text) {
        Objects.requireNonNull(text, "RF creditor reference");
        if (text.length() > 64) {
            throw new IllegalArgumentException("RF creditor reference text of " + text.length()
                    + " characters is too long");
        }
        StringBuilder out = new StringBuilder(25);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }
}
