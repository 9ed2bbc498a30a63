package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.List;

/** Splits one line into fields: RFC 4180 quotes for a character separator, runs of blanks for a blank one. */
final class CsvSplitter {

    private final CsvFormat format;

    CsvSplitter(CsvFormat format) {
        this.format = format;
    }

    List<String> split(String line, long lineNumber) {
        if (format.whitespace()) {
            String trimmed = line.strip();
            return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[ \\t]+"));
        }
        return splitQuoted(line, format.separator().charAt(0), lineNumber);
    }

    private static List<String> splitQuoted(String line, char separator, long lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new DataException("line " + lineNumber + ": a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
