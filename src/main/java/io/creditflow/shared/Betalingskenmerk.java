package io.creditflow.shared;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The Dutch structured payment reference (betalingskenmerk), as printed on an acceptgiro and passed by Dutch banks
 * with issuer code {@code CUR}. Lengths 7 (no check digit), 9 to 14 (check digit C, length code L = number of digits
 * after L mod 10, then the digits) and 16 (C and 15 digits); 8 and 15 do not exist. C is a weighted mod 11 check
 * with weights 2,4,8,5,10,9,7,3,6,1 from the rightmost digit, C = 11 - (sum mod 11), where 10 becomes 1 and 11
 * becomes 0.
 */
public record Betalingskenmerk(String value) implements PaymentReference {

    private static final int[] WEIGHTS = {2, 4, 8, 5, 10, 9, 7, 3, 6, 1};

    public Betalingskenmerk {
        value = normalise(value);
        int length = value.length();
        if (length < 7 || length == 8 || length == 15 || length > 16) {
            throw new IllegalArgumentException("Betalingskenmerk " + value + " has " + length
                    + " digits; only 7, 9 to 14 and 16 exist");
        }
        if (length >= 9 && length <= 14) {
            int expectedLengthCode = (length - 2) % 10;
            if (value.charAt(1) - '0' != expectedLengthCode) {
                throw new IllegalArgumentException("Betalingskenmerk " + value + " has length code " + value.charAt(1)
                        + " but " + (length - 2) + " digits follow it, so it must be " + expectedLengthCode);
            }
        }
        if (length != 7) {
            char expected = checkDigit(value.substring(1));
            if (value.charAt(0) != expected) {
                throw new IllegalArgumentException("Betalingskenmerk " + value + " has check digit " + value.charAt(0)
                        + " where " + expected + " is expected");
            }
        }
    }

    public static Betalingskenmerk parse(String text) {
        return new Betalingskenmerk(text);
    }

    public static boolean isValid(@Nullable String text) {
        if (text == null) {
            return false;
        }
        try {
            new Betalingskenmerk(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The 16-digit reference for a sequence number (0 .. 999,999,999,999,999): C + the number on 15 digits. */
    public static Betalingskenmerk generate(long sequenceNumber) {
        return generate(sequenceNumber, 16);
    }

    /**
     * A reference of the given length (9-14 or 16) for a sequence number that fits in its digits. The shorter forms
     * exist for creditors whose systems print them; 16 is what new systems use.
     */
    public static Betalingskenmerk generate(long sequenceNumber, int length) {
        if (length != 16 && (length < 9 || length > 14)) {
            throw new IllegalArgumentException("Can only generate betalingskenmerken of 9-14 or 16 digits, not " + length);
        }
        int payloadDigits = length == 16 ? 15 : length - 2;
        long max = Long.parseLong("9".repeat(payloadDigits));
        if (sequenceNumber < 0 || sequenceNumber > max) {
            throw new IllegalArgumentException("Sequence number " + sequenceNumber + " does not fit in a "
                    + length + "-digit betalingskenmerk (0 .. " + max + ")");
        }
        String payload = String.format("%0" + payloadDigits + "d", sequenceNumber);
        String withLength = length == 16 ? payload : ((length - 2) % 10) + payload;
        return new Betalingskenmerk(checkDigit(withLength) + withLength);
    }

    /** In groups of four from the left, as on an acceptgiro: {@code 5000 0567 8901 2345}. */
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

    /** The check digit over everything after the check digit itself (length code included). */
    static char checkDigit(String digitsAfterCheck) {
        int sum = 0;
        for (int i = 0; i < digitsAfterCheck.length(); i++) {
            int digit = digitsAfterCheck.charAt(digitsAfterCheck.length() - 1 - i) - '0';
            sum += digit * WEIGHTS[i % WEIGHTS.length];
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            check = 1;
        } else if (check == 11) {
            check = 0;
        }
        return (char) ('0' + check);
    }

    private static String normalise(String text) {
        Objects.requireNonNull(text, "betalingskenmerk");
        if (text.length() > 40) {
            throw new IllegalArgumentException("Betalingskenmerk text of " + text.length() + " characters is too long");
        }
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (c != ' ' && c != '.') {
                throw new IllegalArgumentException("'" + text + "' is not a betalingskenmerk: only digits are allowed");
            }
        }
        return out.toString();
    }
}
