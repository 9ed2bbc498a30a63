package io.creditflow.payments.statement;

import io.creditflow.payments.statement.CsvColumnMapping.Field;
import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a CSV export through a {@link CsvColumnMapping}. The whole file is one statement. With a balance column the
 * file balances row by row (in either date order: ING exports newest first), so an error names the exact line; without
 * one there is no balance to check and the statement has no opening or closing balance.
 */
public final class CsvStatementParser implements StatementParser {

    private final CsvColumnMapping mapping;
    private final List<DateTimeFormatter> dateFormats;

    public CsvStatementParser(CsvColumnMapping mapping) {
        this.mapping = mapping;
        this.dateFormats = mapping.datePatterns().stream()
                .map(p -> DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT))
                .toList();
    }

    public CsvStatementParser() {
        this(CsvColumnMapping.genericDefault());
    }

    @Override
    public void parse(InputStream in, StatementHandler handler) {
        TextDecoding.Decoded decoded = TextDecoding.open(in);
        BufferedReader reader = new BufferedReader(decoded.reader(), 65_536);
        char separator = mapping.separator() != null ? mapping.separator() : detectSeparator(reader);
        CsvRecordReader records = new CsvRecordReader(reader, separator);
        List<String> header = records.next();
        if (header == null) {
            throw new StatementFormatException("line 1", "the CSV file is empty");
        }
        Map<Field, int[]> columns = resolve(header);
        new CsvRun(this, records, columns, new StatementEmitter(handler), decoded.charset().name()).run();
    }

    /** The candidate separator that occurs most often outside quotes in the header line. */
    private static char detectSeparator(BufferedReader reader) {
        try {
            reader.mark(65_536);
            int semicolons = 0;
            int commas = 0;
            int tabs = 0;
            boolean quoted = false;
            for (int i = 0, c; i < 65_535 && (c = reader.read()) >= 0 && (quoted || c != '\n' && c != '\r'); i++) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    semicolons += c == ';' ? 1 : 0;
                    commas += c == ',' ? 1 : 0;
                    tabs += c == '\t' ? 1 : 0;
                }
            }
            reader.reset();
            if (semicolons == 0 && commas == 0 && tabs == 0) {
                throw new StatementFormatException("line 1", "no separator (; , or tab) in the header line");
            }
            return semicolons >= commas && semicolons >= tabs ? ';' : commas >= tabs ? ',' : '\t';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Field, int[]> resolve(List<String> header) {
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<Field, int[]> columns = new EnumMap<>(Field.class);
        mapping.columns().forEach((field, accepted) -> {
            List<Integer> found = new ArrayList<>();
            for (String name : accepted) {
                int index = names.indexOf(name);
                if (index >= 0 && !found.contains(index)) {
                    found.add(index);
                }
            }
            if (!found.isEmpty()) {
                columns.put(field, found.stream().mapToInt(Integer::intValue).toArray());
            }
        });
        for (Field required : List.of(Field.BOOKING_DATE, Field.AMOUNT)) {
            if (!columns.containsKey(required)) {
                throw new StatementFormatException("line 1", "no column for " + required.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " (mapping '" + mapping.name() + "' accepts "
                        + mapping.columns().get(required) + "; the header has " + header + ")");
            }
        }
        return columns;
    }

    LocalDate date(String text, Field field, long line) {
        for (DateTimeFormatter format : dateFormats) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        throw new StatementFormatException("line " + line, field.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " '" + text + "' is not a date in any of " + mapping.datePatterns());
    }

    Money amount(String text, Currency currency, Field field, long line) {
        String value = text.strip();
        if (value.startsWith("+")) {
            value = value.substring(1);
        }
        try {
            return mapping.amountFormat() != null ? Money.parse(value, mapping.amountFormat(), currency)
                    : Money.parseUnambiguous(value, currency);
        } catch (IllegalArgumentException e) {
            throw new StatementFormatException("line " + line, field.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ": " + e.getMessage(), e);
        }
    }

    static @Nullable Iban ibanOrNull(@Nullable String account) {
        return account != null && Iban.isValid(account) ? Iban.parse(account) : null;
    }
}
