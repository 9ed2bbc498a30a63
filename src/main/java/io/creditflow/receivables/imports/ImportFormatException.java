package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

/**
 * The file as a whole cannot be read (undecodable text, binary content, unclosed quote, missing header column,
 * unsafe or invalid XML): nothing of it is imported. Carries the line and column where that is known.
 */
public class ImportFormatException extends RuntimeException {

    private final @Nullable Long line;
    private final @Nullable String column;

    public ImportFormatException(@Nullable Long line, @Nullable String column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public ImportFormatException(@Nullable Long line, @Nullable String column, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public @Nullable Long line() {
        return line;
    }

    public @Nullable String column() {
        return column;
    }
}
