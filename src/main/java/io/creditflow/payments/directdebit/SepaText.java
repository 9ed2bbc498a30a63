package io.creditflow.payments.directdebit;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The EPC's restricted Latin character set for SEPA messages. Names and remittance text are transliterated
 * ({@code Özdemir} becomes {@code Ozdemir}) because banks may reject or garble other characters; identifiers are
 * checked, not changed, because a changed identifier would no longer match what the debtor's bank returns.
 */
final class SepaText {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9+?/\\-:().,' ]{1,35}");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9/\\-?:().,'+ ]");

    private SepaText() {
    }

    /** Transliterates to the SEPA set, collapses spaces and cuts at {@code maxLength}. */
    static String text(String value, int maxLength) {
        String decomposed = Normalizer.normalize(value.replace("ß", "ss").replace("&", "+")
                .replace("Æ", "AE").replace("æ", "ae").replace("Ø", "O").replace("ø", "o"), Normalizer.Form.NFD);
        String plain = decomposed.replaceAll("\\p{M}", "");
        String cleaned = NOT_ALLOWED.matcher(plain).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return cleaned.length() > maxLength ? cleaned.substring(0, maxLength).strip() : cleaned;
    }

    /**
     * Checks an identifier (message id, end-to-end id, mandate id): 1-35 characters of the SEPA set, no leading or
     * trailing slash and no double slash, as the EPC implementation guidelines require.
     */
    static String identifier(String value, String what) {
        if (!IDENTIFIER.matcher(value).matches() || value.startsWith("/") || value.endsWith("/")
                || value.contains("//") || value.isBlank()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 1-35 characters of A-Z a-z 0-9"
                    + " + ? / - : ( ) . , ' and space, without a leading, trailing or double slash");
        }
        return value;
    }
}
