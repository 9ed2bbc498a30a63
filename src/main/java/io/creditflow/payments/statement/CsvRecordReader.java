package io.creditflow.payments.statement;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records, streamed: quoted fields may hold separators, doubled quotes and line breaks. Fields and
 * records have hard size limits so a hostile file fails with its line number instead of exhausting memory.
 */
final class CsvRecordReader {

    static final int MAX_FIELD = 10_000;
    static final int MAX_FIELDS = 200;

    private final Reader reader;
    private final char separator;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private int pushback = -1;

    CsvRecordReader(Reader reader, char separator) {
        this.reader = reader;
        this.separator = separator;
    }

    /** The line on which the record last returned starts. */
    long recordLine() {
        return recordLine;
    }

    @Nullable List<String> next() {
        int c = read();
        while (c == '\r' || c == '\n') {
            c = newline(c);
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = readQuoted(field);
                continue;
            }
            if (c < 0) {
                fields.add(field.toString());
                return fields;
            }
            if (c == separator) {
                addField(fields, field);
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                pushback = newline(c);
                fields.add(field.toString());
                return fields;
            } else {
                if (c < 0x20 && c != '\t') {
                    throw new StatementFormatException("line " + line, "control character 0x"
                            + Integer.toHexString(c) + ": this is not a text file");
                }
                append(field, (char) c);
            }
            c = read();
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) {
        while (true) {
            int c = read();
            if (c < 0) {
                throw new StatementFormatException("line " + recordLine, "a quoted field is not closed before"
                        + " the end of the file (truncated?)");
            }
            if (c == '"') {
                int following = read();
                if (following != '"') {
                    return following;
                }
            } else if (c == '\n' || c == '\r' && peekNotNewline()) {
                line++;
            }
            append(field, (char) c);
        }
    }

    private void addField(List<String> fields, StringBuilder field) {
        if (fields.size() >= MAX_FIELDS) {
            throw new StatementFormatException("line " + recordLine, "more than " + MAX_FIELDS + " columns");
        }
        fields.add(field.toString());
    }

    private void append(StringBuilder field, char c) {
        if (field.length() >= MAX_FIELD) {
            throw new StatementFormatException("line " + recordLine, "a field is longer than " + MAX_FIELD
                    + " characters");
        }
        field.append(c);
    }

    /** Consumes a line break (CR, LF or CRLF), counts it and returns the character after it. */
    private int newline(int c) {
        line++;
        int next = read();
        if (c == '\r' && next == '\n') {
            next = read();
        }
        return next;
    }

    private boolean peekNotNewline() {
        int next = read();
        pushback = next;
        return next != '\n';
    }

    private int read() {
        if (pushback != -1) {
            int c = pushback;
            pushback = -1;
            return c;
        }
        if (position == limit) {
            try {
                limit = reader.read(buffer);
            } catch (CharacterCodingException e) {
                throw new StatementFormatException("line " + line, "the file is not valid UTF-8 from here on;"
                        + " was it saved in another encoding?", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
