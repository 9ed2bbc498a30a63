package io.creditflow.payments.statement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Splits the structured {@code :86:} layout that ING, Rabobank and ABN AMRO share ({@code /EREF/value/CNTP/...}) into
 * its code words. Only known code words start a field, so a slash inside a value (dates, "en/of") stays in the value.
 * The first occurrence of a code word wins.
 */
final class SlashFields {

    static final Set<String> CODE_WORDS = Set.of(
            "EREF", "PREF", "MARF", "CSID", "CNTP", "REMI", "RTRN", "RTYP", "ISDT", "PURP", "ULTC", "ULTD", "ULTB",
            "BENM", "ORDP", "NAME", "ADDR", "ID", "ACCW", "TRCD", "TRTP", "IBAN", "BIC", "NRTX", "PIND", "EXCH",
            "ORIG", "CHGS", "BUSP", "SVCL", "IREF", "SUM");

    private SlashFields() {
    }

    static Map<String, String> split(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String tag = null;
        int valueStart = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '/') {
                int end = text.indexOf('/', i + 1);
                if (end > i + 1 && end - i - 1 <= 4 && CODE_WORDS.contains(text.substring(i + 1, end))) {
                    if (tag != null) {
                        fields.putIfAbsent(tag, clean(text.substring(valueStart, i)));
                    }
                    tag = text.substring(i + 1, end);
                    valueStart = end + 1;
                    i = end + 1;
                    continue;
                }
            }
            i++;
        }
        if (tag != null) {
            fields.putIfAbsent(tag, clean(text.substring(valueStart)));
        }
        return fields;
    }

    /** Drops the slash that closes a field before the next code word, and surrounding spaces. */
    private static String clean(String value) {
        String v = value.strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v.strip();
    }
}
