package io.creditflow.payments.statement;

import io.creditflow.payments.statement.CsvColumnMapping.Field;
import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading state of one CSV file. Rows of one account form one statement; a change of account starts the next. The
 * first two rows decide whether the file runs oldest-first or newest-first, which the row-by-row balance check needs.
 */
final class CsvRun {

    private final CsvStatementParser parser;
    private final CsvRecordReader records;
    private final Map<Field, int[]> columns;
    private final StatementEmitter emitter;
    private final String dialect;
    private final EntryKeys keys = new EntryKeys();
    private @Nullable CsvRow first;
    private @Nullable CsvRow previous;
    private boolean ascending = true;
    private int statements;

    CsvRun(CsvStatementParser parser, CsvRecordReader records, Map<Field, int[]> columns, StatementEmitter emitter,
           String charset) {
        this.parser = parser;
        this.records = records;
        this.columns = columns;
        this.emitter = emitter;
        this.dialect = "CSV (" + charset + ")";
    }

    void run() {
        List<String> record;
        while ((record = records.next()) != null) {
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            CsvRow row = toRow(record, records.recordLine());
            if (first != null && !first.account().equals(row.account())) {
                finish();
            }
            if (first == null) {
                first = row;
            } else if (previous == null) {
                begin(first, row);
                follow(row);
            } else {
                follow(row);
            }
        }
        if (first == null && statements == 0) {
            throw new StatementFormatException("line " + records.recordLine(), "the CSV file has no rows");
        }
        finish();
    }

    private void begin(CsvRow start, @Nullable CsvRow second) {
        ascending = second == null || start.balanceAfter() == null || second.balanceAfter() == null
                || second.balanceAfter().equals(start.balanceAfter().plus(second.signedAmount()));
        Balance opening = ascending && start.balanceAfter() != null
                ? new Balance(start.balanceAfter().minus(start.signedAmount()), start.bookingDate()) : null;
        Currency currency = start.signedAmount().currency();
        Iban iban = CsvStatementParser.ibanOrNull(start.account());
        String id = "csv:" + (start.account().isEmpty() ? "unknown-account" : start.account()) + ":"
                + start.bookingDate();
        emitter.start(new StatementHeader(StatementFormat.CSV, dialect, id, start.account(), iban, currency, opening));
        emit(start);
        previous = start;
    }

    /** Checks the row's balance against the previous row's, in the file's order, then hands the entry over. */
    private void follow(CsvRow row) {
        CsvRow before = previous;
        if (before.balanceAfter() != null && row.balanceAfter() != null) {
            Money expected = ascending ? before.balanceAfter().plus(row.signedAmount())
                    : before.balanceAfter().minus(before.signedAmount());
            if (!expected.equals(row.balanceAfter())) {
                throw new StatementFormatException("line " + row.line(), "balance after this row is "
                        + row.balanceAfter().toPlainString() + " but the rows so far give " + expected.toPlainString()
                        + " (difference " + row.balanceAfter().minus(expected).toPlainString() + ")");
            }
        }
        emit(row);
        previous = row;
    }

    private void finish() {
        if (first == null) {
            return;
        }
        if (previous == null) {
            begin(first, null);
        }
        CsvRow closingRow = ascending ? previous : first;
        Balance closing = closingRow.balanceAfter() == null ? null
                : new Balance(closingRow.balanceAfter(), closingRow.bookingDate());
        emitter.end(closing, "line " + previous.line());
        statements++;
        first = null;
        previous = null;
    }

    private void emit(CsvRow row) {
        Money signed = row.signedAmount();
        String reference = row.entryReference() != null ? row.entryReference()
                : keys.next("csv:", row.account(), row.rawContent());
        emitter.entry(new StatementEntry(row.line(), reference, row.bookingDate(), row.valueDate(), signed.abs(),
                signed.isNegative() ? CreditDebit.DEBIT : CreditDebit.CREDIT, false, EntryStatus.BOOKED, null,
                false, null, null, List.of(row.details())), "line " + row.line());
    }

    private CsvRow toRow(List<String> record, long line) {
        String account = orEmpty(value(record, Field.ACCOUNT)).replace(" ", "");
        Currency currency = currency(value(record, Field.CURRENCY), line);
        LocalDate booking = parser.date(required(record, Field.BOOKING_DATE, line), Field.BOOKING_DATE, line);
        String valueText = value(record, Field.VALUE_DATE);
        LocalDate valueDate = valueText == null ? null : parser.date(valueText, Field.VALUE_DATE, line);
        Money amount = parser.amount(required(record, Field.AMOUNT, line), currency, Field.AMOUNT, line);
        String direction = value(record, Field.CREDIT_DEBIT);
        if (direction != null) {
            amount = isDebit(direction, line) ? amount.abs().negate() : amount.abs();
        }
        String balanceText = value(record, Field.BALANCE_AFTER);
        Money balance = balanceText == null ? null : parser.amount(balanceText, currency, Field.BALANCE_AFTER, line);
        return new CsvRow(line, account, booking, valueDate, amount, balance, details(record),
                value(record, Field.ENTRY_REFERENCE), String.join("\u001f", record));
    }

    private TransactionDetails details(List<String> record) {
        Details details = new Details();
        details.counterpartyAccount = value(record, Field.COUNTERPARTY_ACCOUNT);
        details.counterpartyName = value(record, Field.COUNTERPARTY_NAME);
        details.remittanceLine(value(record, Field.DESCRIPTION));
        details.endToEndId(value(record, Field.END_TO_END_ID));
        details.mandateId = value(record, Field.MANDATE_ID);
        details.creditorId = value(record, Field.CREDITOR_ID);
        details.returnReason(value(record, Field.RETURN_REASON));
        String reference = value(record, Field.PAYMENT_REFERENCE);
        if (reference != null) {
            String compact = reference.replace(" ", "");
            StructuredReference.Issuer issuer = compact.toUpperCase(Locale.ROOT).startsWith("RF")
                    ? StructuredReference.Issuer.ISO
                    : compact.chars().allMatch(Character::isDigit) ? StructuredReference.Issuer.CUR
                    : StructuredReference.Issuer.OTHER;
            details.structuredReference = new StructuredReference(issuer, compact);
        }
        return details.build();
    }

    private static boolean isDebit(String text, long line) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "af", "d", "debit", "dbit", "-" -> true;
            case "bij", "c", "credit", "crdt", "+" -> false;
            default -> throw new StatementFormatException("line " + line, "'" + text
                    + "' is neither credit nor debit (expected Af/Bij, C/D, Credit/Debit)");
        };
    }

    private static Currency currency(@Nullable String code, long line) {
        if (code == null) {
            return Money.EUR;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StatementFormatException("line " + line, "'" + code + "' is not a currency code", e);
        }
    }

    private String required(List<String> record, Field field, long line) {
        String v = value(record, field);
        if (v == null) {
            throw new StatementFormatException("line " + line, field.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " is empty");
        }
        return v;
    }

    private @Nullable String value(List<String> record, Field field) {
        return CsvRow.value(columns, record, field);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
