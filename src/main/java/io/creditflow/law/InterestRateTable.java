package io.creditflow.law;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dated table of statutory interest rates, both kinds. Data, not code: the Dutch table ships as the resource
 * {@value #DUTCH_RESOURCE} and an operator-maintained table (a database table, later) can be passed in instead.
 *
 * @param rows every rate change, in any order; sorted by kind and date here
 */
public record InterestRateTable(List<InterestRate> rows) {

    public static final String DUTCH_RESOURCE = "/law/statutory-interest-rates.csv";

    static final String HEADER = "effective_from,kind,percent,uncertain,note";

    public InterestRateTable {
        rows = Checks.list("rows", rows).stream()
                .sorted(Comparator.comparing(InterestRate::kind).thenComparing(InterestRate::effectiveFrom))
                .toList();
        Set<String> seen = new HashSet<>();
        for (InterestRate row : rows) {
            if (!seen.add(row.kind() + " " + row.effectiveFrom())) {
                throw new IllegalArgumentException("rows: two " + row.kind() + " rates from " + row.effectiveFrom());
            }
        }
    }

    /** The table shipped with Creditflow, from the domain file. */
    public static InterestRateTable dutch() {
        try (InputStream in = InterestRateTable.class.getResourceAsStream(DUTCH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DUTCH_RESOURCE + " is missing from the classpath");
            }
            return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DUTCH_RESOURCE, e);
        }
    }

    public static InterestRateTable fromCsv(String csv) {
        return fromCsv(new StringReader(Checks.present("csv", csv)));
    }

    /**
     * Reads {@code effective_from,kind,percent,uncertain,note} lines after that header; blank lines and lines
     * starting with {@code #} are skipped. Errors name the line.
     */
    public static InterestRateTable fromCsv(Reader csv) {
        List<InterestRate> rows = new ArrayList<>();
        boolean headerSeen = false;
        try (BufferedReader lines = new BufferedReader(csv)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.strip().equals(HEADER)) {
                        throw new IllegalArgumentException("line " + number + ": expected the header " + HEADER);
                    }
                    headerSeen = true;
                    continue;
                }
                rows.add(parseRow(number, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the interest rate table", e);
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("csv: no header " + HEADER);
        }
        return new InterestRateTable(rows);
    }

    private static InterestRate parseRow(int number, String line) {
        String[] cells = line.split(",", 5);
        if (cells.length < 4) {
            throw new IllegalArgumentException("line " + number + ": expected " + HEADER + ", was '" + line + "'");
        }
        String at = "line " + number + ", ";
        try {
            LocalDate from = LocalDate.parse(cells[0].strip());
            InterestKind kind = InterestKind.valueOf(cells[1].strip());
            BigDecimal percent = new BigDecimal(cells[2].strip());
            String uncertain = cells[3].strip();
            if (!uncertain.equals("true") && !uncertain.equals("false")) {
                throw new IllegalArgumentException(at + "uncertain: must be true or false, was '" + uncertain + "'");
            }
            return new InterestRate(from, kind, percent, Boolean.parseBoolean(uncertain),
                    cells.length == 5 ? cells[4].strip() : "");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + "effective_from: not a date (yyyy-mm-dd): '" + cells[0] + "'");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + "percent: not a number: '" + cells[2] + "'");
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("No enum constant")) {
                throw new IllegalArgumentException(at + "kind: must be CONSUMER or COMMERCIAL, was '" + cells[1] + "'");
            }
            throw message.startsWith("line ") ? e : new IllegalArgumentException(at + message, e);
        }
    }

    /** The rows of one kind, oldest first. */
    public List<InterestRate> rows(InterestKind kind) {
        return rows.stream().filter(row -> row.kind() == kind).toList();
    }

    /**
     * The row in force on a date.
     *
     * @throws IllegalArgumentException naming {@code field} when the table starts later
     */
    public InterestRate rateOn(String field, InterestKind kind, LocalDate date) {
        InterestRate found = null;
        for (InterestRate row : rows(kind)) {
            if (!row.effectiveFrom().isAfter(date)) {
                found = row;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(field + ": no " + kind + " interest rate is known for " + date
                    + (rows(kind).isEmpty() ? "" : "; the table starts on " + rows(kind).getFirst().effectiveFrom()));
        }
        return found;
    }

    /** Dates strictly between {@code from} and {@code to} where the rate takes a different value. */
    List<LocalDate> changesBetween(InterestKind kind, LocalDate from, LocalDate to) {
        List<LocalDate> changes = new ArrayList<>();
        BigDecimal previous = null;
        for (InterestRate row : rows(kind)) {
            boolean changed = previous == null || row.percent().compareTo(previous) != 0;
            if (changed && row.effectiveFrom().isAfter(from) && row.effectiveFrom().isBefore(to)) {
                changes.add(row.effectiveFrom());
            }
            previous = row.percent();
        }
        return changes;
    }

    /** Whether any row in force during [from, to) is flagged uncertain. */
    boolean uncertainDuring(InterestKind kind, LocalDate from, LocalDate to) {
        List<InterestRate> ofKind = rows(kind);
        for (int i = 0; i < ofKind.size(); i++) {
            LocalDate validFrom = ofKind.get(i).effectiveFrom();
            LocalDate validUntil = i + 1 < ofKind.size() ? ofKind.get(i + 1).effectiveFrom() : LocalDate.MAX;
            if (ofKind.get(i).uncertain() && validFrom.isBefore(to) && validUntil.isAfter(from)) {
                return true;
            }
        }
        return false;
    }
}
