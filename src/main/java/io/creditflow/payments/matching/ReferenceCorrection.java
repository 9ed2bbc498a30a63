package io.creditflow.payments.matching;

import io.creditflow.shared.RfCreditorReference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Structured payment references carry a check digit, which is what makes a typo in them recoverable: of the
 * variants of a mistyped reference at one typing error (a digit wrong, two swapped), only those whose check digit
 * holds can be what the payer meant, about one in eleven for a betalingskenmerk. Validity is computed here without
 * exceptions because matching tests hundreds of variants per payment; the rules are those of
 * {@link io.creditflow.shared.Betalingskenmerk}.
 */
public final class ReferenceCorrection {

    private static final int[] WEIGHTS = {2, 4, 8, 5, 10, 9, 7, 3, 6, 1};

    private ReferenceCorrection() {
    }

    /** Whether these digits are a valid betalingskenmerk (7, 9-14 or 16 digits with check digit and length code). */
    public static boolean isBetalingskenmerk(CharSequence digits) {
        int length = digits.length();
        if (length < 7 || length == 8 || length == 15 || length > 16) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (length == 7) {
            return true;
        }
        if (length <= 14 && digits.charAt(1) - '0' != (length - 2) % 10) {
            return false;
        }
        return digits.charAt(0) == checkDigit(digits);
    }

    private static char checkDigit(CharSequence digits) {
        int sum = 0;
        for (int i = digits.length() - 1, w = 0; i >= 1; i--, w++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[w % WEIGHTS.length];
        }
        int check = 11 - (sum % 11);
        return (char) ('0' + (check == 10 ? 1 : check == 11 ? 0 : check));
    }

    /** Whether the text is a betalingskenmerk or an RF creditor reference whose check digits hold. */
    public static boolean isValidReference(String normalised) {
        return normalised.startsWith("RF") ? RfCreditorReference.isValid(normalised) : isBetalingskenmerk(normalised);
    }

    /**
     * Valid references one typing error away from a reference whose check digit fails: for a betalingskenmerk of 16
     * or 9-14 digits, one digit replaced or two neighbours swapped; for an RF reference, the same on its body.
     */
    public static List<String> candidates(String invalid) {
        String value = invalid.toUpperCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        if (value.startsWith("RF") && value.length() >= 5) {
            variants(value, 2, found, ReferenceCorrection::isRf);
        } else if (value.chars().allMatch(Character::isDigit) && (value.length() == 16
                || (value.length() >= 9 && value.length() <= 14))) {
            variants(value, 0, found, ReferenceCorrection::isBetalingskenmerk);
        }
        found.remove(value);
        return new ArrayList<>(found);
    }

    private static boolean isRf(CharSequence value) {
        return RfCreditorReference.isValid(value.toString());
    }

    private static void variants(String value, int from, Set<String> found,
                                 java.util.function.Predicate<CharSequence> valid) {
        StringBuilder b = new StringBuilder(value);
        for (int i = from; i < b.length(); i++) {
            char original = b.charAt(i);
            if (original < '0' || original > '9') {
                continue;
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d != original) {
                    b.setCharAt(i, d);
                    if (valid.test(b)) {
                        found.add(b.toString());
                    }
                }
            }
            b.setCharAt(i, original);
        }
        for (int i = from; i + 1 < b.length(); i++) {
            char left = b.charAt(i);
            char right = b.charAt(i + 1);
            if (left != right) {
                b.setCharAt(i, right);
                b.setCharAt(i + 1, left);
                if (valid.test(b)) {
                    found.add(b.toString());
                }
                b.setCharAt(i, left);
                b.setCharAt(i + 1, right);
            }
        }
    }
}
