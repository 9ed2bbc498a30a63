package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates as Dutch and international exports write them: ISO (2026-03-31), day first with dashes, slashes or dots
 * (31-03-2026, 31/03/2026, 31.03.2026, 1-3-2026). Month-first American dates are not guessed: 03/04/2026 is
 * always 3 April. A profile may fix one format; then only that one is accepted.
 */
final class ImportDates {

    static final String ISO = "yyyy-MM-dd";

    private ImportDates() {
    }

    record Parsed(@Nullable LocalDate value, String problem) {
    }

    static Parsed parse(String raw, @Nullable String format) {
        String s = raw.strip();
        try {
            if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && (format == null || format.equals(ISO))) {
                return ok(LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10)));
            }
            if (format == null || !format.equals(ISO)) {
                char expected = format == null ? 0 : format.charAt(format.indexOf('M') - 1);
                int first = firstSeparator(s);
                if (first > 0 && (expected == 0 || s.charAt(first) == expected)) {
                    char sep = s.charAt(first);
                    int second = s.indexOf(sep, first + 1);
                    boolean padded = format != null && format.startsWith("dd");
                    if (second > first && s.length() - second - 1 == 4 && (!padded || first == 2 && second == 5)) {
                        return ok(LocalDate.of(number(s, second + 1, s.length()), number(s, first + 1, second),
                                number(s, 0, first)));
                    }
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation below
        } catch (DateTimeException e) {
            return new Parsed(null, "\"" + Amounts.abbreviate(raw) + "\" is not a calendar date");
        }
        return new Parsed(null, "\"" + Amounts.abbreviate(raw) + "\" is not a date in a known format ("
                + (format == null ? "yyyy-MM-dd, dd-MM-yyyy, dd/MM/yyyy, d-M-yyyy" : format) + ")");
    }

    private static int firstSeparator(String s) {
        for (int i = 1; i <= 2 && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '/' || c == '.') {
                return i;
            }
        }
        return -1;
    }

    private static int number(String s, int from, int to) {
        if (to - from < 1 || to - from > 4) {
            throw new NumberFormatException();
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                throw new NumberFormatException();
            }
        }
        return Integer.parseInt(s, from, to, 10);
    }

    private static Parsed ok(LocalDate date) {
        return new Parsed(date, "");
    }
}
