package io.creditflow.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dutch postcode in its official form {@code 1234 AB}. Accepts {@code 1234ab} and {@code 1234AB}. The digits never
 * start with 0 and PostNL does not issue the letter pairs SA, SD and SS.
 */
public record DutchPostcode(String value) {

    private static final Pattern LOOSE = Pattern.compile("([1-9]\\d{3})\\s?([A-Za-z]{2})");
    private static final Set<String> NOT_ISSUED = Set.of("SA", "SD", "SS");

    public DutchPostcode {
        Objects.requireNonNull(value, "postcode");
        String trimmed = value.strip();
        Matcher matcher = LOOSE.matcher(trimmed);
        if (trimmed.length() > 8 || !matcher.matches()) {
            throw new IllegalArgumentException("'" + value
                    + "' is not a Dutch postcode: four digits (not starting with 0) and two letters expected");
        }
        String letters = matcher.group(2).toUpperCase(Locale.ROOT);
        if (NOT_ISSUED.contains(letters)) {
            throw new IllegalArgumentException("'" + value + "' is not a Dutch postcode: the letters " + letters
                    + " are not issued");
        }
        value = matcher.group(1) + " " + letters;
    }

    public static DutchPostcode parse(String text) {
        return new DutchPostcode(text);
    }

    /** The four digits, which identify the town or neighbourhood. */
    public String digits() {
        return value.substring(0, 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
