package io.creditflow.shared;

import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Objects;

/**
 * An International Bank Account Number in its electronic form ({@code NL91ABNA0417164300}). Spaces and lower case
 * are normalised away; the country's length and BBAN structure come from iban4j, the check digits are ISO 7064
 * MOD 97-10. National account checks (the Dutch "elfproef") are not applied: ING's former Postbank accounts fail
 * them and are perfectly valid.
 */
public record Iban(String value) {

    private static final int MAX_INPUT = 64;

    public Iban {
        value = normalise(value);
        if (value.length() < 5 || !Character.isLetter(value.charAt(0)) || !Character.isLetter(value.charAt(1))) {
            throw new IllegalArgumentException("'" + value + "' is not an IBAN: it must start with a country code");
        }
        try {
            IbanUtil.validate(value);
        } catch (InvalidCheckDigitException e) {
            throw new IllegalArgumentException("IBAN " + value + " has wrong check digits " + value.substring(2, 4)
                    + ", expected " + Mod97.checkDigits(value.substring(4), value.substring(0, 2)), e);
        } catch (Iban4jException e) {
            throw new IllegalArgumentException("IBAN " + value + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Parses an IBAN as people write it: {@code "nl91 abna 0417 1643 00"}. */
    public static Iban parse(String text) {
        return new Iban(text);
    }

    public static boolean isValid(@Nullable String text) {
        if (text == null) {
            return false;
        }
        try {
            new Iban(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** ISO 3166 country code, e.g. {@code NL}. */
    public String countryCode() {
        return value.substring(0, 2);
    }

    public String checkDigits() {
        return value.substring(2, 4);
    }

    /** The domestic account number part after country code and check digits. */
    public String bban() {
        return value.substring(4);
    }

    /** The bank identifier inside the BBAN ({@code ABNA} for ABN AMRO), as the country's structure defines it. */
    public String bankCode() {
        return IbanUtil.getBankCode(value);
    }

    /** The print form in groups of four: {@code NL91 ABNA 0417 1643 00}. */
    public String formatted() {
        return grouped(value);
    }

    /**
     * For screens, logs and messages: country, check digits, bank and the last four characters stay visible so a
     * person can recognise the account; the rest is starred ({@code NL91 ABNA **** **43 00}).
     */
    public String masked() {
        int keepTail = 4;
        int keepHead = Math.min(8, value.length() - keepTail);
        StringBuilder masked = new StringBuilder(value);
        for (int i = keepHead; i < value.length() - keepTail; i++) {
            masked.setCharAt(i, '*');
        }
        return grouped(masked.toString());
    }

    @Override
    public String toString() {
        return value;
    }

    private static String grouped(String electronic) {
        return PrintGroups.ofFour(electronic);
    }

    private static String normalise(String text) {
        Objects.requireNonNull(text, "IBAN");
        if (text.length() > MAX_INPUT) {
            throw new IllegalArgumentException("IBAN text of " + text.length() + " characters is too long");
        }
        StringBuilder out = new StringBuilder(34);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                throw new IllegalArgumentException("'" + text + "' is not an IBAN: '" + c + "' is not allowed");
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
