package io.creditflow.scoring.engine;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a delimited file into a {@link Dataset} and types each column: numeric when every non-missing value parses
 * as a number, categorical otherwise. Two streaming passes, the first to check the file and type the columns, the
 * second to fill primitive arrays: a million rows of numbers need 8 bytes a value, not a String each. Errors name
 * the line or the column.
 */
public final class DatasetReader {

    private final CsvFormat format;
    private final TargetSpec target;

    public DatasetReader(CsvFormat format, TargetSpec target) {
        this.format = format;
        this.target = target;
    }

    public Dataset read(Path file) {
        try {
            return read(() -> Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from a reader (held in memory for the second pass: meant for small inputs and tests). */
    public Dataset read(Reader source, String name) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        source.transferTo(text);
        return read(() -> new StringReader(text.toString()), name);
    }

    private interface Source {
        Reader open() throws IOException;
    }

    /** What the first pass learnt: the columns, which are numeric, and the outcome of every row. */
    private record Layout(List<String> names, int targetIndex, boolean[] numeric, boolean[] feature, BitSet bad,
                          int rows) {
    }

    private Dataset read(Source source, String name) throws IOException {
        Layout layout = scan(source, name);
        List<Column> columns = fill(source, layout);
        if (columns.isEmpty()) {
            throw new DataException(name + " has no feature columns besides the target and the ignored ones");
        }
        boolean[] bad = new boolean[layout.rows()];
        for (int r = 0; r < bad.length; r++) {
            bad[r] = layout.bad().get(r);
        }
        return new Dataset(columns, layout.names().get(layout.targetIndex()), bad);
    }

    private Layout scan(Source source, String name) throws IOException {
        List<String> names = header(source, name);
        int targetIndex = names.indexOf(target.column());
        if (targetIndex < 0) {
            throw new DataException("target column '" + target.column() + "' is not in " + name + "; columns are "
                    + String.join(", ", names));
        }
        boolean[] numeric = new boolean[names.size()];
        boolean[] present = new boolean[names.size()];
        java.util.Arrays.fill(numeric, true);
        BitSet bad = new BitSet();
        Set<String> targetValues = new LinkedHashSet<>();
        int[] rows = {0};
        forEachRow(source, (lineNumber, fields) -> {
            if (fields.size() != names.size()) {
                throw new DataException("line " + lineNumber + ": " + fields.size() + " fields, expected "
                        + names.size());
            }
            bad.set(rows[0]++, outcome(fields.get(targetIndex), lineNumber, targetValues));
            for (int c = 0; c < fields.size(); c++) {
                String value = fields.get(c);
                if (!format.missingTokens().contains(value)) {
                    present[c] = true;
                    numeric[c] = numeric[c] && isNumber(value);
                }
            }
        });
        checkOutcome(name, rows[0], bad.cardinality(), targetValues);
        boolean[] feature = new boolean[names.size()];
        for (int c = 0; c < names.size(); c++) {
            numeric[c] = numeric[c] && present[c];
            feature[c] = c != targetIndex && !target.ignored().contains(names.get(c));
        }
        return new Layout(names, targetIndex, numeric, feature, bad, rows[0]);
    }

    private boolean outcome(String label, long lineNumber, Set<String> targetValues) {
        if (format.missingTokens().contains(label)) {
            throw new DataException("line " + lineNumber + ": target column '" + target.column() + "' is missing");
        }
        if (targetValues.size() < 3) {
            targetValues.add(canonical(label));
        }
        return target.isPositive(label);
    }

    private List<Column> fill(Source source, Layout layout) throws IOException {
        int width = layout.names().size();
        double[][] numbers = new double[width][];
        String[][] texts = new String[width][];
        List<Map<String, String>> interned = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            interned.add(new HashMap<>());
            if (layout.feature()[c] && layout.numeric()[c]) {
                numbers[c] = new double[layout.rows()];
            } else if (layout.feature()[c]) {
                texts[c] = new String[layout.rows()];
            }
        }
        int[] row = {0};
        forEachRow(source, (lineNumber, fields) -> {
            for (int c = 0; c < width; c++) {
                String value = format.missingTokens().contains(fields.get(c)) ? null : fields.get(c);
                if (numbers[c] != null) {
                    numbers[c][row[0]] = value == null ? Double.NaN : Double.parseDouble(value);
                } else if (texts[c] != null && value != null) {
                    // one String per distinct category, not per row
                    texts[c][row[0]] = interned.get(c).computeIfAbsent(value, v -> v);
                }
            }
            row[0]++;
        });
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String columnName = layout.names().get(c);
            if (numbers[c] != null) {
                columns.add(new Column.Numeric(columnName, numbers[c]));
            } else if (texts[c] != null) {
                columns.add(new Column.Categorical(columnName, texts[c]));
            }
        }
        return columns;
    }

    private interface RowAction {
        void accept(long lineNumber, List<String> fields);
    }

    private List<String> header(Source source, String name) throws IOException {
        try (BufferedReader lines = new BufferedReader(source.open())) {
            String first = nextNonBlank(lines);
            if (first == null) {
                throw new DataException(name + " is empty");
            }
            List<String> fields = new CsvSplitter(format).split(stripBom(first), 1);
            if (format.header()) {
                return fields;
            }
            return java.util.stream.IntStream.rangeClosed(1, fields.size()).mapToObj(i -> "c" + i).toList();
        }
    }

    /** Every data line (not the header, not blank lines) with its line number in the file. */
    private void forEachRow(Source source, RowAction action) throws IOException {
        CsvSplitter splitter = new CsvSplitter(format);
        try (BufferedReader lines = new BufferedReader(source.open())) {
            long lineNumber = 0;
            boolean headerSkipped = !format.header();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (!headerSkipped) {
                    headerSkipped = true;
                    continue;
                }
                action.accept(lineNumber, splitter.split(lineNumber == 1 ? stripBom(line) : line, lineNumber));
            }
        }
    }

    /** 1, 1.0 and 1.00 are one outcome value; text stays as it is. */
    private static String canonical(String label) {
        try {
            double number = Double.parseDouble(label);
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : label;
        } catch (NumberFormatException e) {
            return label;
        }
    }

    private void checkOutcome(String source, int rows, int positives, Set<String> values) {
        if (rows == 0) {
            throw new DataException(source + " has no data rows");
        }
        String column = "target column '" + target.column() + "'";
        if (values.size() > 2) {
            throw new DataException(column + " is not binary: it has more than two values (" + String.join(", ", values)
                    + ", ...)");
        }
        if (positives == 0) {
            throw new DataException(column + " never has the positive value '" + target.positive() + "'; values are "
                    + String.join(", ", values));
        }
        if (positives == rows) {
            throw new DataException(column + " has only the value '" + target.positive() + "': both classes are needed");
        }
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static @Nullable String nextNonBlank(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
