package io.creditflow.payments.statement;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

/**
 * Reads lines (ending in LF, CRLF or CR) with a hard limit on their length, counting line numbers. A hostile file
 * with a 10 MB line fails with the line number instead of growing a 10 MB string, and binary content is refused.
 */
final class BoundedLineReader {

    private final Reader reader;
    private final int maxLineLength;
    private final String what;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean pendingCarriageReturn;

    BoundedLineReader(Reader reader, int maxLineLength, String what) {
        this.reader = reader;
        this.maxLineLength = maxLineLength;
        this.what = what;
    }

    /** The number of the line last returned by {@link #readLine()}, starting at 1. */
    long lineNumber() {
        return lineNumber;
    }

    @Nullable String readLine() {
        StringBuilder line = new StringBuilder(80);
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                lineNumber++;
                return line.toString();
            }
            char c = buffer[position++];
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                pendingCarriageReturn = c == '\r';
                lineNumber++;
                return line.toString();
            }
            if (c < 0x20 && c != '\t') {
                throw new StatementFormatException("line " + (lineNumber + 1), what
                        + " contains control character 0x" + Integer.toHexString(c) + ": this is not a text file");
            }
            if (line.length() >= maxLineLength) {
                throw new StatementFormatException("line " + (lineNumber + 1), "line is longer than "
                        + maxLineLength + " characters, which no " + what + " has");
            }
            line.append(c);
        }
    }

    private boolean fill() {
        try {
            limit = reader.read(buffer);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return false;
            }
            return true;
        } catch (CharacterCodingException e) {
            throw new StatementFormatException("line " + (lineNumber + 1), "the file is not valid UTF-8 from here on;"
                    + " was it saved in another encoding?", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
