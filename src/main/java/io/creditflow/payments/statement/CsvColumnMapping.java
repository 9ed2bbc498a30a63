package io.creditflow.payments.statement;

import io.creditflow.shared.AmountFormat;
import org.jspecify.annotations.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which CSV columns hold which statement field, by header name (case and surrounding spaces ignored). Each field
 * lists the header names it accepts, so one mapping reads several banks' exports; fields with several columns
 * (description lines) take all that are present. Only booking date and amount are required.
 *
 * @param separator the field separator, or null to detect it from the header line ({@code ;} {@code ,} or tab)
 * @param amountFormat how amounts are written, or null to decide per value and refuse ambiguous ones
 * @param datePatterns tried in order; the first that parses wins
 */
public record CsvColumnMapping(
        String name,
        @Nullable Character separator,
        @Nullable AmountFormat amountFormat,
        List<String> datePatterns,
        Map<Field, List<String>> columns) {

    /** The statement fields a CSV column can map to. */
    public enum Field {
        ACCOUNT, BOOKING_DATE, VALUE_DATE, AMOUNT, CREDIT_DEBIT, CURRENCY, COUNTERPARTY_ACCOUNT, COUNTERPARTY_NAME,
        DESCRIPTION, END_TO_END_ID, MANDATE_ID, CREDITOR_ID, PAYMENT_REFERENCE, RETURN_REASON, ENTRY_REFERENCE,
        BALANCE_AFTER
    }

    public CsvColumnMapping {
        Objects.requireNonNull(name, "name");
        datePatterns = List.copyOf(datePatterns);
        Map<Field, List<String>> copy = new EnumMap<>(Field.class);
        columns.forEach((field, names) -> copy.put(field,
                names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList()));
        columns = Map.copyOf(copy);
        if (!columns.containsKey(Field.BOOKING_DATE) || !columns.containsKey(Field.AMOUNT)) {
            throw new IllegalArgumentException("A CSV mapping needs at least the booking date and amount columns");
        }
        datePatterns.forEach(DateTimeFormatter::ofPattern);
    }

    /**
     * Reads common Dutch and English bank exports (ING's "Af Bij" layout, Rabobank's signed amounts with
     * "Saldo na trn", generic English headers). Day comes before month in ambiguous dates, as in Dutch exports.
     */
    public static CsvColumnMapping genericDefault() {
        Map<Field, List<String>> columns = new EnumMap<>(Field.class);
        columns.put(Field.ACCOUNT, List.of("account", "iban", "iban/bban", "rekening", "rekeningnummer"));
        columns.put(Field.BOOKING_DATE, List.of("booking date", "boekdatum", "datum", "date", "transactiedatum"));
        columns.put(Field.VALUE_DATE, List.of("value date", "valutadatum", "rentedatum"));
        columns.put(Field.AMOUNT, List.of("amount", "bedrag", "bedrag (eur)"));
        columns.put(Field.CREDIT_DEBIT, List.of("credit/debit", "af bij", "af/bij", "debit/credit", "d/c"));
        columns.put(Field.CURRENCY, List.of("currency", "munt", "valuta"));
        columns.put(Field.COUNTERPARTY_ACCOUNT, List.of("counterparty iban", "counterparty account",
                "tegenrekening", "tegenrekening iban/bban"));
        columns.put(Field.COUNTERPARTY_NAME, List.of("counterparty name", "naam tegenpartij", "naam / omschrijving",
                "naam", "name"));
        columns.put(Field.DESCRIPTION, List.of("description", "omschrijving", "mededelingen", "omschrijving-1",
                "omschrijving-2", "omschrijving-3", "remittance information"));
        columns.put(Field.END_TO_END_ID, List.of("end-to-end id", "end to end id", "endtoendid"));
        columns.put(Field.MANDATE_ID, List.of("mandate id", "machtigingskenmerk"));
        columns.put(Field.CREDITOR_ID, List.of("creditor id", "incassant id"));
        columns.put(Field.PAYMENT_REFERENCE, List.of("payment reference", "betalingskenmerk"));
        columns.put(Field.RETURN_REASON, List.of("return reason", "reden retour"));
        columns.put(Field.ENTRY_REFERENCE, List.of("entry reference", "bank reference", "transactiereferentie",
                "volgnr"));
        columns.put(Field.BALANCE_AFTER, List.of("balance after", "saldo na trn", "saldo na mutatie"));
        return new CsvColumnMapping("generic", null, null,
                List.of("yyyy-MM-dd", "yyyyMMdd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"),
                columns);
    }

    /** Fields that take every mapped column present (in header order) rather than the first one found. */
    static boolean multiColumn(Field field) {
        return field == Field.DESCRIPTION || field == Field.ENTRY_REFERENCE;
    }
}
