package io.creditflow.acceptance.sources;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small comma-separated file with a header row (no quoting: the development registers hold no commas in values),
 * read from a directory when one is configured, else from the bundled {@code acceptance/dev-registers/}.
 */
final class DevCsvFile {

    private DevCsvFile() {
    }

    static List<Map<String, String>> read(@Nullable Path directory, String name) {
        try (InputStream in = directory != null ? Files.newInputStream(directory.resolve(name))
                : DevCsvFile.class.getResourceAsStream("/acceptance/dev-registers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Development register " + name + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null) {
                return List.of();
            }
            String[] columns = header.split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] values = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < columns.length && i < values.length; i++) {
                    row.put(columns[i].strip(), values[i].strip());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read development register " + name, e);
        }
    }

    /** Simulated answer time of a row ({@code delay_ms}); interruptible, so a cancelled ask stops at once. */
    static void delay(Map<String, String> row) throws InterruptedException {
        String ms = row.get("delay_ms");
        if (ms != null && !ms.isEmpty() && !ms.equals("0")) {
            Thread.sleep(Long.parseLong(ms));
        }
    }
}
