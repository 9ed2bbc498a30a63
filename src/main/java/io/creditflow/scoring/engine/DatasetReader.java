package io.creditflow.scoring.engine;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a delimited file line by line into a {@link Dataset} and types each column: numeric when every non-missing
 * value parses as a number, categorical otherwise. Errors name the line or the column.
 */
public final class DatasetReader {

    private final CsvFormat format;
    private final TargetSpec target;

    public DatasetReader(CsvFormat format, TargetSpec target) {
        this.format = format;
        this.target = target;
    }

    public Dataset read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Dataset read(Reader source, String name) throws IOException {
        BufferedReader lines = source instanceof BufferedReader b ? b : new BufferedReader(source);
        CsvSplitter splitter = new CsvSplitter(format);
        String first = nextNonBlank(lines);
        if (first == null) {
            throw new DataException(name + " is empty");
        }
        long lineNumber = 1;
        List<String> firstFields = splitter.split(stripBom(first), lineNumber);
        List<String> names = format.header() ? firstFields : generatedNames(firstFields.size());
        int targetIndex = targetIndex(names, name);
        List<List<String>> raw = new ArrayList<>();
        names.forEach(n -> raw.add(new ArrayList<>()));
        List<Boolean> outcome = new ArrayList<>();
        Set<String> targetValues = new LinkedHashSet<>();
        if (!format.header()) {
            addRow(firstFields, names.size(), targetIndex, lineNumber, raw, outcome, targetValues);
        }
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                addRow(splitter.split(line, lineNumber), names.size(), targetIndex, lineNumber, raw, outcome,
                        targetValues);
            }
        }
        checkOutcome(name, outcome, targetValues);
        List<Column> columns = columns(names, raw, targetIndex);
        if (columns.isEmpty()) {
            throw new DataException(name + " has no feature columns besides the target and the ignored ones");
        }
        return new Dataset(columns, names.get(targetIndex), toArray(outcome));
    }

    private static List<String> generatedNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("c" + i);
        }
        return names;
    }

    private int targetIndex(List<String> names, String source) {
        int index = names.indexOf(target.column());
        if (index < 0) {
            throw new DataException("target column '" + target.column() + "' is not in " + source + "; columns are "
                    + String.join(", ", names));
        }
        return index;
    }

    private void addRow(List<String> fields, int width, int targetIndex, long lineNumber, List<List<String>> raw,
                        List<Boolean> outcome, Set<String> targetValues) {
        if (fields.size() != width) {
            throw new DataException("line " + lineNumber + ": " + fields.size() + " fields, expected " + width);
        }
        String label = fields.get(targetIndex);
        if (format.missingTokens().contains(label)) {
            throw new DataException("line " + lineNumber + ": target column '" + target.column() + "' is missing");
        }
        if (targetValues.size() < 3) {
            targetValues.add(canonical(label));
        }
        outcome.add(target.isPositive(label));
        for (int i = 0; i < width; i++) {
            String value = fields.get(i);
            raw.get(i).add(format.missingTokens().contains(value) ? null : value);
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

    private void checkOutcome(String source, List<Boolean> outcome, Set<String> values) {
        if (outcome.isEmpty()) {
            throw new DataException(source + " has no data rows");
        }
        String column = "target column '" + target.column() + "'";
        if (values.size() > 2) {
            throw new DataException(column + " is not binary: it has more than two values (" + String.join(", ", values)
                    + ", ...)");
        }
        long positives = outcome.stream().filter(b -> b).count();
        if (positives == 0) {
            throw new DataException(column + " never has the positive value '" + target.positive() + "'; values are "
                    + String.join(", ", values));
        }
        if (positives == outcome.size()) {
            throw new DataException(column + " has only the value '" + target.positive() + "': both classes are needed");
        }
    }

    private List<Column> columns(List<String> names, List<List<String>> raw, int targetIndex) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != targetIndex && !target.ignored().contains(names.get(i))) {
                columns.add(typed(names.get(i), raw.get(i)));
            }
        }
        return columns;
    }

    /** Numeric if every present value parses; a column with no values at all stays categorical (all missing). */
    static Column typed(String name, List<String> values) {
        double[] numbers = new double[values.size()];
        boolean any = false;
        for (int i = 0; i < numbers.length; i++) {
            String value = values.get(i);
            if (value == null) {
                numbers[i] = Double.NaN;
                continue;
            }
            try {
                numbers[i] = Double.parseDouble(value);
                any = true;
            } catch (NumberFormatException e) {
                return new Column.Categorical(name, values.toArray(String[]::new));
            }
        }
        return any ? new Column.Numeric(name, numbers) : new Column.Categorical(name, values.toArray(String[]::new));
    }

    private static boolean[] toArray(List<Boolean> outcome) {
        boolean[] bad = new boolean[outcome.size()];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = outcome.get(i);
        }
        return bad;
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
