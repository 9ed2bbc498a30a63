package io.creditflow.payments.statement;

/**
 * A statement file that cannot be read or does not add up. The message says where: the line for MT940 and CSV, the
 * line, column and element path for XML.
 */
public class StatementFormatException extends RuntimeException {

    private final String location;

    public StatementFormatException(String location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public StatementFormatException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    /** Where in the file the problem is, e.g. {@code line 12} or {@code line 5, column 9 (/Document/...)}. */
    public String location() {
        return location;
    }
}
