package io.creditflow.receivables;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.shared.DutchPostcode;
import io.creditflow.shared.Iban;
import io.creditflow.shared.KvkNumber;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Field-level checks of a debtor, shared by the API, the CSV import and e-invoices. */
public final class DebtorValidation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{8,20}$");
    private static final Set<String> LANGUAGES = Set.of("nl", "en", "de", "fr");
    private static final Set<String> CHANNELS = Set.of("EMAIL", "POST", "SMS");
    public static final int MAX_TEXT = 200;

    private DebtorValidation() {
    }

    public static List<FieldError> check(DebtorInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.externalId() != null && (input.externalId().isBlank() || input.externalId().length() > 100)) {
            errors.add(new FieldError("externalId", "1 to 100 characters"));
        }
        if (input.type() == null) {
            errors.add(new FieldError("type", "required: CONSUMER or BUSINESS"));
        }
        if (input.language() != null && !LANGUAGES.contains(input.language())) {
            errors.add(new FieldError("language", "one of nl, en, de, fr"));
        }
        if (input.preferredChannel() != null && !CHANNELS.contains(input.preferredChannel())) {
            errors.add(new FieldError("preferredChannel", "one of EMAIL, POST, SMS"));
        }
        if (input.country() != null && !input.country().matches("[A-Z]{2}")) {
            errors.add(new FieldError("country", "ISO 3166 two-letter code, e.g. NL"));
        }
        checkProfile(input.profile(), input.type(), errors);
        return errors;
    }

    private static void checkProfile(DebtorProfile p, @Nullable DebtorType type, List<FieldError> errors) {
        if (p.name() == null || p.name().isBlank()) {
            errors.add(new FieldError("name", "required"));
        } else if (p.name().length() > MAX_TEXT) {
            errors.add(new FieldError("name", "at most " + MAX_TEXT + " characters"));
        }
        for (int i = 0; i < p.emails().size(); i++) {
            String e = p.emails().get(i);
            if (e == null || e.length() > 254 || !EMAIL.matcher(e).matches()) {
                errors.add(new FieldError(i == 0 ? "email" : "emails[" + i + "]", "not a valid e-mail address"));
            }
        }
        for (int i = 0; i < p.phones().size(); i++) {
            String ph = p.phones().get(i);
            if (ph == null || !PHONE.matcher(ph).matches()) {
                errors.add(new FieldError(i == 0 ? "phone" : "phones[" + i + "]", "not a valid phone number"));
            }
        }
        for (int i = 0; i < p.ibans().size(); i++) {
            if (!Iban.isValid(p.ibans().get(i))) {
                errors.add(new FieldError(i == 0 ? "iban" : "ibans[" + i + "]", "not a valid IBAN (check digits)"));
            }
        }
        if (p.dateOfBirth() != null) {
            try {
                // "in the future" anywhere on Earth (UTC+14 is the first zone to reach a date): independent of the
                // server's zone, and never refuses someone born today in the platform's zone
                if (LocalDate.parse(p.dateOfBirth()).isAfter(LocalDate.now(ZoneOffset.ofHours(14)))) {
                    errors.add(new FieldError("dateOfBirth", "in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("dateOfBirth", "ISO date expected, e.g. 1980-04-27"));
            }
            if (type == DebtorType.BUSINESS) {
                errors.add(new FieldError("dateOfBirth", "only for consumers"));
            }
        }
        if (p.chamberOfCommerce() != null) {
            try {
                KvkNumber.parse(p.chamberOfCommerce());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("chamberOfCommerce", "8 digits expected"));
            }
        }
        if (p.vatNumber() != null && !p.vatNumber().replace(" ", "").matches("[A-Z]{2}[0-9A-Z+*.]{2,13}")) {
            errors.add(new FieldError("vatNumber", "EU VAT number expected, e.g. NL123456789B01"));
        }
        for (int i = 0; i < p.addresses().size(); i++) {
            Address a = p.addresses().get(i);
            String at = i == 0 ? "address" : "addresses[" + i + "]";
            if ("NL".equals(a.country()) && a.postcode() != null) {
                try {
                    DutchPostcode.parse(a.postcode());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + ".postcode", "Dutch postcode expected, e.g. 1234 AB"));
                }
            }
            for (String value : new String[] {a.street(), a.houseNumber(), a.postcode(), a.city()}) {
                if (value != null && value.length() > MAX_TEXT) {
                    errors.add(new FieldError(at, "fields of at most " + MAX_TEXT + " characters"));
                    break;
                }
            }
        }
    }
}
