package io.creditflow.scoring.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Streams the rows of a file of cases to score, one map of raw values per line; missing values are left out. */
public final class CsvRows {

    private CsvRows() {
    }

    /** The column names of the file: its header, or c1..cN without one. */
    public static List<String> header(Path file, CsvFormat format) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = lines.readLine();
            if (first == null) {
                throw new DataException(file + " is empty");
            }
            return names(new CsvSplitter(format).split(first.replace("\uFEFF", ""), 1), format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code action} with the line number and the values of each data line; returns the column names. */
    public static List<String> forEach(Path file, CsvFormat format, BiConsumer<Long, Map<String, String>> action) {
        CsvSplitter splitter = new CsvSplitter(format);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = lines.readLine();
            if (first == null) {
                throw new DataException(file + " is empty");
            }
            List<String> firstFields = splitter.split(first.replace("\uFEFF", ""), 1);
            List<String> names = names(firstFields, format);
            long lineNumber = 1;
            if (!format.header()) {
                action.accept(lineNumber, values(names, firstFields, format, lineNumber));
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    action.accept(lineNumber, values(names, splitter.split(line, lineNumber), format, lineNumber));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> names(List<String> firstFields, CsvFormat format) {
        return format.header() ? firstFields
                : java.util.stream.IntStream.rangeClosed(1, firstFields.size()).mapToObj(i -> "c" + i).toList();
    }

    private static Map<String, String> values(List<String> names, List<String> fields, CsvFormat format,
                                              long lineNumber) {
        if (fields.size() != names.size()) {
            throw new DataException("line " + lineNumber + ": " + fields.size() + " fields, expected "
                    + names.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!format.missingTokens().contains(fields.get(i))) {
                values.put(names.get(i), fields.get(i));
            }
        }
        return values;
    }
}
