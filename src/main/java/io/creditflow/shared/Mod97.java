package io.creditflow.shared;

/**
 * ISO 7064 MOD 97-10, the check used by IBAN, ISO 11649 RF references and SEPA creditor identifiers. Letters count
 * as two digits (A=10 .. Z=35). Computed digit by digit so that a 34-character IBAN never needs a BigInteger.
 */
final class Mod97 {

    private Mod97() {
    }

    /** The remainder modulo 97 of the number the alphanumeric text stands for; rejects other characters. */
    static int remainder(CharSequence alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                throw new IllegalArgumentException("Character '" + c + "' is not a digit or capital letter");
            }
        }
        return remainder;
    }

    /**
     * The two check digits for a body whose check is computed over {@code body + prefix + "00"}, as IBAN, RF and
     * creditor ids do (they move country/RF code and check digits behind the body).
     */
    static String checkDigits(String body, String prefix) {
        int check = 98 - remainder(body + prefix + "00");
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    /** True when {@code body + prefix + checkDigits} leaves remainder 1, the validation rule of MOD 97-10. */
    static boolean isValid(String body, String prefixWithCheckDigits) {
        return remainder(body + prefixWithCheckDigits) == 1;
    }
}
