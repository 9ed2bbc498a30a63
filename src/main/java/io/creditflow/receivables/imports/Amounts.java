package io.creditflow.receivables.imports;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parses amounts as people and accounting packages write them (see {@link DecimalSeparator}). */
final class Amounts {

    private static final Pattern DIGITS = Pattern.compile("[0-9.,]+");
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(?:[.,][0-9]{3})*");

    private Amounts() {
    }

    /** A reason why the text is not an amount; {@link Parsed#value()} is set when it is one. */
    record Parsed(BigDecimal value, String problem) {
        boolean ok() {
            return problem.isEmpty();
        }
    }

    static Parsed parse(String raw, DecimalSeparator style) {
        String s = raw.strip().replace("\u00a0", "").replace(" ", "").replace("\u20ac", "");
        if (s.startsWith("EUR")) {
            s = s.substring(3);
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || !DIGITS.matcher(s).matches()) {
            return fail("not a number: \"" + abbreviate(raw) + "\"");
        }
        char decimal = decimalOf(s, style);
        if (decimal == '?') {
            return fail("\"" + raw.strip() + "\" is ambiguous (a thousand or a fraction?): write it with two decimals"
                    + " or set the profile's decimal separator to COMMA or POINT");
        }
        String integer = s;
        String fraction = "";
        if (decimal != 0) {
            int at = s.lastIndexOf(decimal);
            integer = s.substring(0, at);
            fraction = s.substring(at + 1);
            if (fraction.isEmpty() || fraction.indexOf('.') >= 0 || fraction.indexOf(',') >= 0) {
                return fail("not a number: \"" + abbreviate(raw) + "\"");
            }
        }
        if (integer.isEmpty()) {
            integer = "0";
        }
        if (integer.indexOf('.') >= 0 || integer.indexOf(',') >= 0) {
            char group = decimal == ',' ? '.' : decimal == '.' ? ',' : integer.indexOf('.') >= 0 ? '.' : ',';
            if (integer.indexOf(group == '.' ? ',' : '.') >= 0 || !GROUPED.matcher(integer).matches()) {
                return fail("\"" + abbreviate(raw) + "\" has thousands separators in the wrong places");
            }
            integer = integer.replace(String.valueOf(group), "");
        }
        if (integer.length() > 15) {
            return fail("too large");
        }
        BigDecimal value = new BigDecimal(integer + (fraction.isEmpty() ? "" : "." + fraction));
        return new Parsed(negative ? value.negate() : value, "");
    }

    /** The decimal separator of this number: ',' or '.', 0 for none (an integer), '?' when ambiguous. */
    private static char decimalOf(String s, DecimalSeparator style) {
        if (style == DecimalSeparator.COMMA) {
            return s.indexOf(',') >= 0 ? ',' : 0;
        }
        if (style == DecimalSeparator.POINT) {
            return s.indexOf('.') >= 0 ? '.' : 0;
        }
        int dot = s.lastIndexOf('.');
        int comma = s.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            return dot > comma ? '.' : ',';
        }
        int at = Math.max(dot, comma);
        if (at < 0) {
            return 0;
        }
        char c = s.charAt(at);
        boolean once = s.indexOf(c) == at;
        int after = s.length() - at - 1;
        if (!once) {
            return 0;
        }
        if (after == 3) {
            return '?';
        }
        return c;
    }

    private static Parsed fail(String problem) {
        return new Parsed(BigDecimal.ZERO, problem);
    }

    static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "\u2026";
    }
}
