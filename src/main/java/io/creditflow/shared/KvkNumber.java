package io.creditflow.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Dutch Chamber of Commerce (Kamer van Koophandel) registration number: eight digits. Numbers issued since 2016
 * carry no check digit, so only the shape is checked.
 */
public record KvkNumber(String value) {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

    public KvkNumber {
        Objects.requireNonNull(value, "KvK number");
        value = value.replace(" ", "").replace(".", "");
        if (!EIGHT_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a KvK number: eight digits expected");
        }
    }

    public static KvkNumber parse(String text) {
        return new KvkNumber(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
