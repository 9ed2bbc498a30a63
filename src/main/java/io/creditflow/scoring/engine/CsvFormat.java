package io.creditflow.scoring.engine;

import java.util.Set;

/**
 * How a delimited text file is laid out. A space separator ({@code " "}) means "one or more spaces or tabs", as in
 * the UCI {@code .dat} files; any other separator (a tab too) is a single character and fields may be
 * double-quoted, so empty fields between two separators stay empty (missing) instead of vanishing.
 * Without a header the columns are named {@code c1..cN}.
 */
public record CsvFormat(String separator, boolean header, Set<String> missingTokens) {

    /** Empty, "NA" and "?" are missing values (R's and UCI's conventions). */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "?");

    public CsvFormat {
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("the separator must not be empty");
        }
        if (separator.length() != 1 && !separator.chars().allMatch(c -> c == ' ')) {
            throw new IllegalArgumentException("the separator must be one character or spaces, not '" + separator + "'");
        }
        missingTokens = Set.copyOf(missingTokens);
    }

    public static CsvFormat comma() {
        return new CsvFormat(",", true, DEFAULT_MISSING);
    }

    public CsvFormat withSeparator(String newSeparator) {
        return new CsvFormat(newSeparator, header, missingTokens);
    }

    public CsvFormat withHeader(boolean hasHeader) {
        return new CsvFormat(separator, hasHeader, missingTokens);
    }

    boolean whitespace() {
        return separator.chars().allMatch(c -> c == ' ');
    }
}
