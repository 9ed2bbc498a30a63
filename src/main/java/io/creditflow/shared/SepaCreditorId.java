package io.creditflow.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SEPA creditor identifier (Incassant ID): country code, two check digits, a three-character business code that
 * the check ignores (Dutch creditors use {@code ZZZ}) and a national identifier. For the Netherlands the national
 * identifier is the 8-digit KvK number followed by 4 digits. Check digits = 98 - mod97(national id + country + 00).
 */
public record SepaCreditorId(String value) {

    private static final Pattern GENERIC = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");
    private static final Pattern DUTCH_NATIONAL_ID = Pattern.compile("\\d{12}");

    public SepaCreditorId {
        Objects.requireNonNull(value, "creditor id");
        value = value.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (value.length() > 35 || !GENERIC.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a SEPA creditor identifier"
                    + " (country, 2 check digits, 3-character business code, national id)");
        }
        if (value.startsWith("NL") && !DUTCH_NATIONAL_ID.matcher(value.substring(7)).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a Dutch creditor identifier: after NLkkZZZ"
                    + " the 8-digit KvK number and 4 digits are expected");
        }
        String national = value.substring(7);
        String country = value.substring(0, 2);
        String expected = Mod97.checkDigits(national, country);
        if (!expected.equals(value.substring(2, 4))) {
            throw new IllegalArgumentException("Creditor identifier " + value + " has check digits "
                    + value.substring(2, 4) + " where " + expected + " is expected");
        }
    }

    public static SepaCreditorId parse(String text) {
        return new SepaCreditorId(text);
    }

    /**
     * The Dutch identifier for a company: {@code NLkkZZZ} + KvK number + a 4-digit suffix the Incassant ID is
     * registered with (usually {@code 0000}; companies with several ids number them).
     */
    public static SepaCreditorId forDutchCompany(KvkNumber kvk, String suffix) {
        if (!suffix.matches("\\d{4}")) {
            throw new IllegalArgumentException("The suffix of a Dutch creditor identifier is four digits, got '"
                    + suffix + "'");
        }
        String national = kvk.value() + suffix;
        return new SepaCreditorId("NL" + Mod97.checkDigits(national, "NL") + "ZZZ" + national);
    }

    public String countryCode() {
        return value.substring(0, 2);
    }

    public String businessCode() {
        return value.substring(4, 7);
    }

    public String nationalId() {
        return value.substring(7);
    }

    /** For a Dutch identifier, the KvK number inside it. */
    public KvkNumber kvkNumber() {
        if (!"NL".equals(countryCode())) {
            throw new IllegalStateException(value + " is not a Dutch creditor identifier and holds no KvK number");
        }
        return new KvkNumber(nationalId().substring(0, 8));
    }

    @Override
    public String toString() {
        return value;
    }
}
