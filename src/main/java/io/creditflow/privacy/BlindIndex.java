package io.creditflow.privacy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Kinds of exact search on encrypted personal data. A blind index is a keyed hash (HMAC-SHA256 with the tenant's PRF
 * key, truncated to 16 bytes) of the normalised value, so equal values match without the database ever holding the
 * value; without the tenant key the digests reveal nothing, and they differ between tenants.
 */
public enum BlindIndex {
    EMAIL {
        @Override
        public String normalise(String value) {
            return value.trim().toLowerCase(Locale.ROOT);
        }
    },
    IBAN {
        @Override
        public String normalise(String value) {
            return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        }
    },
    /** Callers pass E.164 where they can; separators are ignored and a leading 00 counts as +. */
    PHONE {
        @Override
        public String normalise(String value) {
            String digits = value.replaceAll("[^0-9+]", "");
            return digits.startsWith("00") ? "+" + digits.substring(2) : digits;
        }
    },
    /** One word of a name: lower case, accents removed ("Müller" finds "muller"). */
    NAME_WORD {
        @Override
        public String normalise(String value) {
            String stripped = Normalizer.normalize(value.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        }
    },
    CHAMBER_OF_COMMERCE {
        @Override
        public String normalise(String value) {
            return value.replaceAll("\\D", "");
        }
    },
    /** Postcode and house number: "1234 AB|12a". */
    ADDRESS {
        @Override
        public String normalise(String value) {
            return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        }
    },
    DATE_OF_BIRTH {
        @Override
        public String normalise(String value) {
            return value.trim();
        }
    };

    public abstract String normalise(String value);
}
