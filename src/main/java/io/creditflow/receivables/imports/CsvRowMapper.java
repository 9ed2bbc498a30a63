package io.creditflow.receivables.imports;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import io.creditflow.receivables.DebtorInput;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.DebtorValidation;
import io.creditflow.receivables.InvoiceInput;
import io.creditflow.receivables.InvoiceKind;
import io.creditflow.receivables.InvoiceValidation;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns CSV records into validated rows under a profile: finds the profile's columns in the header, parses numbers
 * and dates, and runs the same field checks as the API. Every problem names the line and the column as the file
 * calls it.
 */
final class CsvRowMapper {

    private final ImportProfile profile;
    private final int columnCount;
    private final Map<ImportField, Integer> index = new EnumMap<>(ImportField.class);
    private final List<String> header;
    private final byte[] salt;
    private final MessageDigest sha;
    private final boolean checks;

    private CsvRowMapper(ImportProfile profile, List<String> header, byte[] salt, boolean checks) {
        this.profile = profile;
        this.checks = checks;
        this.header = header;
        this.columnCount = header.size();
        this.salt = salt;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the header against the profile: every required field must have its column. */
    static CsvRowMapper forHeader(ImportProfile profile, CsvRecords.Record header, byte[] salt, boolean checks) {
        List<String> names = header.fields().stream().map(CsvRowMapper::headerName).toList();
        CsvRowMapper mapper = new CsvRowMapper(profile, header.fields(), salt, checks);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (byName.putIfAbsent(names.get(i), i) != null) {
                throw new ImportFormatException(header.line(), header.fields().get(i), "the header has the column \""
                        + header.fields().get(i) + "\" twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (ImportField field : ImportField.values()) {
            if (!field.appliesTo(profile.kind())) {
                continue;
            }
            Integer at = byName.get(headerName(profile.columnOf(field)));
            if (at != null) {
                mapper.index.put(field, at);
            } else if (field.required(profile.kind())) {
                missing.add(profile.columnOf(field));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportFormatException(header.line(), String.join(", ", missing), "the header lacks the column(s) "
                    + String.join(", ", missing) + " (found: " + String.join(", ", header.fields())
                    + "); check the separator and the column mapping of the profile");
        }
        return mapper;
    }

    private static String headerName(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    ParsedRow map(CsvRecords.Record record) {
        long line = record.line();
        List<RowError> errors = new ArrayList<>(2);
        if (record.fields().size() != columnCount) {
            errors.add(new RowError(line, null, "expected " + columnCount + " columns (as in the header), found "
                    + record.fields().size()));
            return new ParsedRow(line, "", null, null, null, errors);
        }
        if (record.overlongColumn() >= 0) {
            errors.add(new RowError(line, header.get(record.overlongColumn()), "the value is longer than the "
                    + "maximum field length; nothing of this row is read"));
            return new ParsedRow(line, "", null, null, null, errors);
        }
        Row row = new Row(record.fields(), line, errors);
        String debtorId = row.text(ImportField.DEBTOR_EXTERNAL_ID);
        if (debtorId == null && profile.kind() == ImportKind.DEBTORS) {
            row.error(ImportField.DEBTOR_EXTERNAL_ID, "required");
        }
        DebtorRow debtor = null;
        byte[] digest = null;
        if (profile.kind() == ImportKind.DEBTORS || row.text(ImportField.DEBTOR_NAME) != null) {
            debtor = debtor(row, debtorId);
            digest = checks ? digest(record) : null;
        }
        InvoiceRow invoice = profile.kind() == ImportKind.INVOICES ? invoice(row, debtorId) : null;
        return new ParsedRow(line, debtorId == null ? "" : debtorId, errors.isEmpty() ? debtor : null, digest,
                errors.isEmpty() ? invoice : null, List.copyOf(errors));
    }

    private @Nullable DebtorRow debtor(Row row, @Nullable String externalId) {
        String typeText = row.text(ImportField.DEBTOR_TYPE);
        DebtorType type = typeText == null ? null : switch (typeText.toUpperCase(Locale.ROOT)) {
            case "CONSUMER", "B2C", "PARTICULIER", "PRIVATE" -> DebtorType.CONSUMER;
            case "BUSINESS", "B2B", "ZAKELIJK", "COMPANY" -> DebtorType.BUSINESS;
            default -> null;
        };
        if (typeText != null && type == null) {
            row.error(ImportField.DEBTOR_TYPE, "\"" + Amounts.abbreviate(typeText) + "\" is not CONSUMER or BUSINESS");
        }
        List<Address> addresses = new ArrayList<>(1);
        String street = row.text(ImportField.DEBTOR_STREET);
        String postcode = row.text(ImportField.DEBTOR_POSTCODE);
        String city = row.text(ImportField.DEBTOR_CITY);
        String country = row.text(ImportField.DEBTOR_COUNTRY);
        if (street != null || postcode != null || city != null) {
            addresses.add(new Address("BILLING", street, row.text(ImportField.DEBTOR_HOUSE_NUMBER), postcode, city,
                    country == null ? "NL" : country.toUpperCase(Locale.ROOT)));
        }
        String name = row.text(ImportField.DEBTOR_NAME);
        DebtorProfile profile = new DebtorProfile(name == null ? "" : name, null, null, addresses,
                listOf(row.text(ImportField.DEBTOR_EMAIL)), listOf(row.text(ImportField.DEBTOR_PHONE)),
                listOf(row.text(ImportField.DEBTOR_IBAN)), row.text(ImportField.DEBTOR_CHAMBER_OF_COMMERCE),
                row.text(ImportField.DEBTOR_VAT_NUMBER), null);
        String language = row.text(ImportField.DEBTOR_LANGUAGE);
        String countryCode = country != null ? country.toUpperCase(Locale.ROOT) : addresses.isEmpty() ? null : "NL";
        DebtorInput input = new DebtorInput(externalId, typeText == null ? null : type,
                language == null ? null : language.toLowerCase(Locale.ROOT), null, countryCode, List.of(), profile);
        if (checks && (typeText == null || type != null)) {
            for (FieldError e : DebtorValidation.check(input)) {
                row.error(debtorField(e.field()), e.reason());
            }
        }
        if (externalId == null) {
            return null;
        }
        return new DebtorRow(externalId, type == null ? DebtorType.CONSUMER : type,
                input.language() == null ? "nl" : input.language(), "EMAIL", countryCode, List.of(), profile);
    }

    private @Nullable InvoiceRow invoice(Row row, @Nullable String debtorId) {
        LocalDate issue = row.date(ImportField.ISSUE_DATE);
        LocalDate due = row.date(ImportField.DUE_DATE);
        BigDecimal amount = row.amount(ImportField.AMOUNT);
        BigDecimal vat = row.amount(ImportField.VAT_AMOUNT);
        String currency = row.text(ImportField.CURRENCY);
        currency = currency == null ? "EUR" : currency.toUpperCase(Locale.ROOT);
        String kindText = row.text(ImportField.INVOICE_KIND);
        InvoiceKind kind = InvoiceKind.INVOICE;
        if (kindText != null) {
            switch (kindText.toUpperCase(Locale.ROOT)) {
                case "INVOICE", "FACTUUR", "380" -> kind = InvoiceKind.INVOICE;
                case "CREDIT_NOTE", "CREDITNOTE", "CREDITNOTA", "381" -> kind = InvoiceKind.CREDIT_NOTE;
                default -> row.error(ImportField.INVOICE_KIND, "\"" + Amounts.abbreviate(kindText)
                        + "\" is not INVOICE or CREDIT_NOTE");
            }
        }
        String reference = row.text(ImportField.PAYMENT_REFERENCE);
        if (reference != null) {
            reference = reference.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
        }
        String number = row.text(ImportField.INVOICE_NUMBER);
        String externalId = row.text(ImportField.INVOICE_EXTERNAL_ID);
        InvoiceInput input = new InvoiceInput(externalId, null, debtorId, number, kind, issue, due, currency, amount,
                vat, reference, List.of());
        for (FieldError e : checks ? InvoiceValidation.check(input) : List.<FieldError>of()) {
            ImportField field = invoiceField(e.field());
            boolean alreadyReported = row.reported(field);
            if (!alreadyReported) {
                row.error(field, e.reason());
            }
        }
        if (!row.errors.isEmpty()) {
            return null;
        }
        return new InvoiceRow(debtorId, number, externalId, kind, issue, due, currency, amount, vat, reference);
    }

    /** A salted hash of the row's debtor columns: equal for equal details, meaningless outside this import. */
    private byte[] digest(CsvRecords.Record record) {
        sha.update(salt);
        for (Map.Entry<ImportField, Integer> e : index.entrySet()) {
            if (e.getKey().isDebtorField()) {
                sha.update(record.fields().get(e.getValue()).strip().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }
        byte[] full = sha.digest();
        return java.util.Arrays.copyOf(full, 16);
    }

    private static ImportField debtorField(String field) {
        return switch (field) {
            case "externalId" -> ImportField.DEBTOR_EXTERNAL_ID;
            case "type" -> ImportField.DEBTOR_TYPE;
            case "email" -> ImportField.DEBTOR_EMAIL;
            case "phone" -> ImportField.DEBTOR_PHONE;
            case "iban" -> ImportField.DEBTOR_IBAN;
            case "language" -> ImportField.DEBTOR_LANGUAGE;
            case "country" -> ImportField.DEBTOR_COUNTRY;
            case "chamberOfCommerce" -> ImportField.DEBTOR_CHAMBER_OF_COMMERCE;
            case "vatNumber" -> ImportField.DEBTOR_VAT_NUMBER;
            case "address.postcode" -> ImportField.DEBTOR_POSTCODE;
            case "address" -> ImportField.DEBTOR_STREET;
            default -> ImportField.DEBTOR_NAME;
        };
    }

    private static ImportField invoiceField(String field) {
        return switch (field) {
            case "debtorExternalId" -> ImportField.DEBTOR_EXTERNAL_ID;
            case "externalId" -> ImportField.INVOICE_EXTERNAL_ID;
            case "issueDate" -> ImportField.ISSUE_DATE;
            case "dueDate" -> ImportField.DUE_DATE;
            case "currency" -> ImportField.CURRENCY;
            case "amount" -> ImportField.AMOUNT;
            case "vatAmount" -> ImportField.VAT_AMOUNT;
            case "paymentReference" -> ImportField.PAYMENT_REFERENCE;
            default -> ImportField.INVOICE_NUMBER;
        };
    }

    private static List<String> listOf(@Nullable String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** The values of one record by field, parsing numbers and dates and collecting errors by column. */
    private final class Row {
        private final List<String> fields;
        private final long line;
        private final List<RowError> errors;

        Row(List<String> fields, long line, List<RowError> errors) {
            this.fields = fields;
            this.line = line;
            this.errors = errors;
        }

        @Nullable String text(ImportField field) {
            Integer at = index.get(field);
            if (at == null) {
                return null;
            }
            String value = fields.get(at).strip();
            return value.isEmpty() ? null : value;
        }

        @Nullable LocalDate date(ImportField field) {
            String raw = text(field);
            if (raw == null) {
                return null;
            }
            ImportDates.Parsed parsed = ImportDates.parse(raw, profile.dateFormat());
            if (parsed.value() == null) {
                error(field, parsed.problem());
            }
            return parsed.value();
        }

        @Nullable BigDecimal amount(ImportField field) {
            String raw = text(field);
            if (raw == null) {
                return null;
            }
            Amounts.Parsed parsed = Amounts.parse(raw, profile.decimalSeparator());
            if (!parsed.ok()) {
                error(field, parsed.problem());
                return null;
            }
            return parsed.value();
        }

        boolean reported(ImportField field) {
            String column = profile.columnOf(field);
            return errors.stream().anyMatch(e -> column.equals(e.column()));
        }

        void error(ImportField field, String message) {
            errors.add(new RowError(line, profile.columnOf(field), message));
        }
    }
}
