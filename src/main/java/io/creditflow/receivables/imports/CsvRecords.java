package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * RFC 4180 records streamed from a reader: quoted fields may hold separators, doubled quotes and line breaks. Memory
 * stays bounded whatever the file holds: a field longer than the limit is skipped to its end (the record is returned
 * flagged, so the row fails with a clear reason while the rest of the file is still read), and a record may have at
 * most {@link #MAX_COLUMNS} fields. Control characters mean the file is not text and stop the import.
 */
final class CsvRecords {

    static final int MAX_COLUMNS = 200;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** One record; {@code overlongColumn} is the index of a field that exceeded the limit (its text is cut). */
    record Record(long line, List<String> fields, int overlongColumn) {
    }

    private final Reader reader;
    private final Charset charset;
    private final int maxField;
    private final char[] buffer = new char[64 * 1024];
    private char separator;
    private int position;
    private int limit;
    private long line = 1;
    private int pushback = -1;

    CsvRecords(Reader reader, Charset charset, int maxField) {
        this.reader = reader;
        this.charset = charset;
        this.maxField = maxField;
    }

    /** Uses this separator, or detects it from the header line when null. Call before the first record. */
    char useSeparator(@Nullable Character forced) {
        if (forced != null) {
            separator = forced;
            return separator;
        }
        fill();
        int[] counts = new int[4];
        char[] candidates = {',', ';', '\t', '|'};
        boolean quoted = false;
        for (int i = position; i < limit; i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        separator = candidates[best];
        return separator;
    }

    /** The next record, or null at the end of the file. */
    @Nullable Record next() {
        int c = read();
        while (c == '\r' || c == '\n') {
            c = newline(c);
        }
        if (c < 0) {
            return null;
        }
        long recordLine = line;
        List<String> fields = new ArrayList<>(16);
        StringBuilder field = new StringBuilder(32);
        int overlong = -1;
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = readQuoted(field, recordLine, fields.size());
                if (field.length() > maxField && overlong < 0) {
                    overlong = fields.size();
                }
                continue;
            }
            if (c < 0 || c == '\r' || c == '\n') {
                if (c >= 0) {
                    pushback = newline(c);
                }
                fields.add(field.toString());
                return new Record(recordLine, fields, overlong);
            }
            if (c == separator) {
                if (fields.size() >= MAX_COLUMNS) {
                    throw new ImportFormatException(recordLine, null, "more than " + MAX_COLUMNS + " columns");
                }
                fields.add(field.toString());
                field.setLength(0);
            } else {
                checkText(c);
                if (field.length() < maxField) {
                    field.append((char) c);
                } else if (overlong < 0) {
                    overlong = fields.size();
                    field.append('\u2026');
                }
            }
            c = read();
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field, long recordLine, int column) {
        while (true) {
            int c = read();
            if (c < 0) {
                throw new ImportFormatException(recordLine, null, "the quoted field in column " + (column + 1)
                        + " that starts on line " + recordLine + " is never closed (a missing \" ?)");
            }
            if (c == '"') {
                int following = read();
                if (following != '"') {
                    return following;
                }
            } else if (c == '\n') {
                line++;
            } else if (c == '\r') {
                int next = read();
                pushback = next;
                if (next != '\n') {
                    line++;
                }
            } else {
                checkText(c);
            }
            if (field.length() <= maxField) {
                field.append((char) c);
            }
        }
    }

    private void checkText(int c) {
        if (c < 0x20 && c != '\t') {
            throw new ImportFormatException(line, null, "control character 0x" + HEX.toHexDigits((byte) c)
                    + " on line " + line + ": this is not a text file (or it is UTF-16, which is not supported)");
        }
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

    private int read() {
        if (pushback != -1) {
            int c = pushback;
            pushback = -1;
            return c;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private boolean fill() {
        if (position < limit) {
            return true;
        }
        try {
            int n = reader.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        } catch (StrictDecoder.UndecodableException e) {
            throw new ImportFormatException(line, null, "line " + line + " contains byte(s) " + HEX.formatHex(e.bytes())
                    + " that are not valid " + charset.displayName() + hint(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hint() {
        return charset.name().equals("UTF-8")
                ? "; the start of the file is UTF-8 but this part is not: save the whole file as UTF-8, or choose"
                + " Windows-1252 in the import profile"
                : "; choose the file's real encoding in the import profile";
    }
}
