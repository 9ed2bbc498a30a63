package io.creditflow.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The public credit data sets of the benchmark and the command-line arguments that read each. German credit comes
 * from the Weka jar (GPL, test scope only) as ARFF and is converted to CSV here.
 */
public final class BenchmarkData {

    /** One data set: a name and the {@code scoring cv} arguments that read it. */
    public record DataSet(String name, List<String> arguments) {
    }

    static final String GERMAN_ARFF = "weka/gui/knowledgeflow/templates/credit-g.arff";

    private BenchmarkData() {
    }

    public static Path sharedData() {
        for (Path candidate : List.of(Path.of("../shared/data"), Path.of("/work/shared/data"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data is not beside the work tree");
    }

    public static List<DataSet> all(Path workDirectory) {
        Path data = sharedData();
        return List.of(
                new DataSet("German", List.of("--csv", germanCsv(workDirectory).toString(), "--target", "class",
                        "--positive", "bad")),
                new DataSet("Australian", List.of("--csv", data.resolve("australian.dat").toString(),
                        "--separator", " ", "--no-header", "--target", "c15", "--positive", "1")),
                new DataSet("Japanese", List.of("--csv", data.resolve("crx.data").toString(), "--no-header",
                        "--target", "c16", "--positive", "+")),
                new DataSet("Thomas", List.of("--csv", data.resolve("thomas_loan_data.csv").toString(),
                        "--separator", ";", "--target", "BAD", "--positive", "1")),
                new DataSet("Taiwan", List.of("--csv", data.resolve("taiwan_UCI_Credit_Card.csv").toString(),
                        "--target", "Y", "--positive", "1", "--ignore", "ID")));
    }

    /** credit-g.arff from the Weka jar, written as a CSV file with a header into the directory. */
    public static Path germanCsv(Path directory) {
        Path csv = directory.resolve("german-credit.csv");
        try (InputStream in = BenchmarkData.class.getClassLoader().getResourceAsStream(GERMAN_ARFF)) {
            if (in == null) {
                throw new IllegalStateException(GERMAN_ARFF + " is not on the test class path (weka-stable)");
            }
            Files.createDirectories(directory);
            Files.writeString(csv, arffToCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String arffToCsv(String arff) {
        List<String> header = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        boolean data = false;
        for (String line : arff.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("%")) {
                continue;
            }
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("@attribute")) {
                header.add(attributeName(line.substring(10).strip()));
            } else if (lower.startsWith("@data")) {
                data = true;
                csv.append(String.join(",", header.stream().map(BenchmarkData::quote).toList())).append('\n');
            } else if (data) {
                csv.append(String.join(",", fields(line).stream().map(BenchmarkData::quote).toList())).append('\n');
            }
        }
        return csv.toString();
    }

    private static String attributeName(String declaration) {
        if (declaration.startsWith("'")) {
            return declaration.substring(1, declaration.indexOf('\'', 1));
        }
        return declaration.split("\\s+")[0];
    }

    /** ARFF data fields: separated by commas, optionally in single quotes. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
