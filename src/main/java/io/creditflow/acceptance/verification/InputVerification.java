package io.creditflow.acceptance.verification;

import io.creditflow.acceptance.ApplicantType;
import io.creditflow.acceptance.CheckRequest;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import io.creditflow.shared.DutchPostcode;
import io.creditflow.shared.Iban;
import io.creditflow.shared.KvkNumber;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.creditflow.acceptance.verification.VerifiedApplicant.PostalAddress;

/**
 * Checks and normalises a credit-check request. Every malformed field is reported at once (400 with the field path,
 * e.g. {@code address.postcode}); nothing is stored for a refused request. What is well-formed but a matter of policy
 * (age under 18, a disposable e-mail domain) passes here and becomes a signal.
 */
public final class InputVerification {

    private static final Pattern HOUSE_NUMBER_NL = Pattern.compile("[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,6})?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");
    private static final int MAX_AGE = 120;

    private final EmailAddresses emails;
    private final PostcodeAreas areas;

    public InputVerification(EmailAddresses emails, PostcodeAreas areas) {
        this.emails = emails;
        this.areas = areas;
    }

    public VerifiedApplicant verify(CheckRequest r, LocalDate today, Set<String> allowedEmailDomains) {
        Errors errors = new Errors();
        ApplicantType type = type(r, errors);
        String first = null;
        String last = null;
        LocalDate born = null;
        Integer age = null;
        String company = null;
        String kvk = null;
        if (type == ApplicantType.CONSUMER) {
            CheckRequest.Person p = r.person();
            if (p == null) {
                errors.add("person", "required for a consumer check");
            } else {
                first = name(p.firstName(), "person.firstName", errors);
                last = name(p.lastName(), "person.lastName", errors);
                born = dateOfBirth(p.dateOfBirth(), today, errors);
                age = born == null ? null : Period.between(born, today).getYears();
            }
        }
        PostalAddress address = address(r.address(), "address", true, errors);
        if (type == ApplicantType.BUSINESS) {
            CheckRequest.Company c = r.company();
            if (c == null) {
                errors.add("company", "required for a business check");
            } else {
                company = companyName(c.name(), errors);
                kvk = chamberOfCommerce(c.chamberOfCommerce(), address, errors);
            }
        }
        PostalAddress delivery = r.deliveryAddress() == null ? null
                : address(r.deliveryAddress(), "deliveryAddress", false, errors);
        String region = address == null ? "NL" : address.country();
        String email = email(r.email(), errors);
        PhoneNumbers.Verified phone = phone(r.phone(), region, errors);
        String iban = iban(r.iban(), errors);
        VerifiedApplicant.Order order = order(r.order(), errors);
        String language = language(r.language(), errors);
        errors.throwIfAny();
        Integer distance = null;
        boolean otherCountry = false;
        if (delivery != null) {
            otherCountry = !delivery.country().equals(address.country());
            if (!otherCountry && "NL".equals(address.country())) {
                distance = areas.distanceKm(address.postcode(), delivery.postcode());
            }
        }
        boolean disposable = email != null
                && emails.isDisposable(email.substring(email.indexOf('@') + 1), allowedEmailDomains);
        return new VerifiedApplicant(type, first, last, born, age, company, kvk, address, delivery, email, disposable,
                phone == null ? null : phone.e164(), phone == null ? null : phone.type(), iban, order, language,
                distance, otherCountry);
    }

    private static ApplicantType type(CheckRequest r, Errors errors) {
        if (r.type() == null || r.type().isBlank()) {
            if (r.company() != null && r.person() == null) {
                return ApplicantType.BUSINESS;
            }
            return ApplicantType.CONSUMER;
        }
        try {
            return ApplicantType.valueOf(r.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("type", "must be CONSUMER or BUSINESS");
            return ApplicantType.CONSUMER;
        }
    }

    private static @Nullable String name(@Nullable String raw, String field, Errors errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(field, "required");
            return null;
        }
        try {
            return PersonNames.normalise(raw, 100);
        } catch (IllegalArgumentException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }

    private static @Nullable LocalDate dateOfBirth(@Nullable String raw, LocalDate today, Errors errors) {
        if (raw == null || raw.isBlank()) {
            errors.add("person.dateOfBirth", "required for a consumer check (YYYY-MM-DD)");
            return null;
        }
        try {
            LocalDate born = LocalDate.parse(raw.strip());
            if (born.isAfter(today)) {
                errors.add("person.dateOfBirth", "lies in the future");
                return null;
            }
            if (Period.between(born, today).getYears() > MAX_AGE) {
                errors.add("person.dateOfBirth", "more than " + MAX_AGE + " years ago");
                return null;
            }
            return born;
        } catch (DateTimeParseException e) {
            errors.add("person.dateOfBirth", "not a date in the form YYYY-MM-DD");
            return null;
        }
    }

    private static @Nullable String companyName(@Nullable String raw, Errors errors) {
        if (raw == null || raw.isBlank()) {
            errors.add("company.name", "required");
            return null;
        }
        String name = raw.strip().replaceAll("\\s+", " ");
        if (name.length() > 200) {
            errors.add("company.name", "longer than 200 characters");
            return null;
        }
        return name;
    }

    private static @Nullable String chamberOfCommerce(@Nullable String raw, @Nullable PostalAddress address,
                                                      Errors errors) {
        if (raw == null || raw.isBlank()) {
            if (address == null || "NL".equals(address.country())) {
                errors.add("company.chamberOfCommerce", "required for a Dutch business (8 digits)");
            }
            return null;
        }
        try {
            return KvkNumber.parse(raw).value();
        } catch (IllegalArgumentException e) {
            errors.add("company.chamberOfCommerce", e.getMessage());
            return null;
        }
    }

    private static @Nullable PostalAddress address(CheckRequest.@Nullable Address a, String field, boolean required,
                                                   Errors errors) {
        if (a == null) {
            if (required) {
                errors.add(field, "required");
            }
            return null;
        }
        String country = a.country() == null || a.country().isBlank() ? "NL" : a.country().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            errors.add(field + ".country", "must be an ISO 3166 two-letter country code");
            return null;
        }
        String postcode = null;
        String number = null;
        if (a.postcode() == null || a.postcode().isBlank()) {
            errors.add(field + ".postcode", "required");
        } else if (country.equals("NL")) {
            try {
                postcode = DutchPostcode.parse(a.postcode()).value();
            } catch (IllegalArgumentException e) {
                errors.add(field + ".postcode", "not a Dutch postcode (four digits, not starting with 0, and two letters)");
            }
        } else {
            postcode = a.postcode().strip().toUpperCase(Locale.ROOT);
            if (postcode.length() > 12) {
                errors.add(field + ".postcode", "longer than 12 characters");
            }
        }
        if (a.houseNumber() == null || a.houseNumber().isBlank()) {
            errors.add(field + ".houseNumber", "required");
        } else {
            number = a.houseNumber().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (country.equals("NL") && !HOUSE_NUMBER_NL.matcher(number).matches()) {
                errors.add(field + ".houseNumber", "a Dutch house number is 1 to 5 digits (not starting with 0) "
                        + "with an optional addition, e.g. 12, 12A or 12-3");
                number = null;
            } else if (number.length() > 20) {
                errors.add(field + ".houseNumber", "longer than 20 characters");
                number = null;
            }
        }
        String street = text(a.street(), field + ".street", 200, errors);
        String city = text(a.city(), field + ".city", 100, errors);
        if (postcode == null || number == null) {
            return null;
        }
        return new PostalAddress(street, number.replace(" ", ""), postcode, city, country);
    }

    private @Nullable String email(@Nullable String raw, Errors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        String problem = EmailAddresses.syntaxProblem(email);
        if (problem != null) {
            errors.add("email", "not a valid e-mail address: " + problem);
            return null;
        }
        return email;
    }

    private static PhoneNumbers.@Nullable Verified phone(@Nullable String raw, String region, Errors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return PhoneNumbers.verify(raw.strip(), region);
        } catch (IllegalArgumentException e) {
            errors.add("phone", e.getMessage());
            return null;
        }
    }

    private static @Nullable String iban(@Nullable String raw, Errors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!Iban.isValid(raw)) {
            errors.add("iban", "not a valid IBAN (country code, check digits and account number must agree)");
            return null;
        }
        return Iban.parse(raw).value();
    }

    private static VerifiedApplicant.@Nullable Order order(CheckRequest.@Nullable Order o, Errors errors) {
        if (o == null) {
            errors.add("order", "required");
            return null;
        }
        BigDecimal amount = null;
        if (o.amount() == null || o.amount().isBlank()) {
            errors.add("order.amount", "required");
        } else {
            try {
                amount = new BigDecimal(o.amount().strip());
                if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
                    errors.add("order.amount", "must be a positive amount with at most two decimals, e.g. \"129.95\"");
                    amount = null;
                }
            } catch (NumberFormatException e) {
                errors.add("order.amount", "not a number; send a decimal string such as \"129.95\"");
            }
        }
        String currency = o.currency() == null ? "EUR" : o.currency().strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            errors.add("order.currency", "must be an ISO 4217 code such as EUR");
        }
        String channel = text(o.channel(), "order.channel", 40, errors);
        String category = text(o.productCategory(), "order.productCategory", 60, errors);
        String reference = text(o.reference(), "order.reference", 100, errors);
        if (amount == null) {
            return null;
        }
        return new VerifiedApplicant.Order(amount.setScale(2), currency,
                channel == null ? null : channel.toUpperCase(Locale.ROOT), category, reference,
                o.payLater() == null || o.payLater());
    }

    private static String language(@Nullable String raw, Errors errors) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String l = raw.strip().toLowerCase(Locale.ROOT);
        if (!l.equals("nl") && !l.equals("en")) {
            errors.add("language", "must be nl or en");
        }
        return l;
    }

    private static @Nullable String text(@Nullable String raw, String field, int max, Errors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > max) {
            errors.add(field, "longer than " + max + " characters");
            return null;
        }
        return s;
    }

    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String reason) {
            list.add(new FieldError(field, reason));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new ValidationException("The credit check has invalid fields.", list);
            }
        }
    }
}
