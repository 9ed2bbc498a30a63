package io.creditflow.acceptance.verification;

import io.creditflow.acceptance.ApplicantType;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A credit check's input after verification: normalised spellings (postcode {@code 1234 AB}, E.164 phone, IBAN without
 * spaces, lower-case e-mail, capitalised names) and what verification found (age, disposable domain, phone type,
 * delivery distance).
 */
public record VerifiedApplicant(ApplicantType type, @Nullable String firstName, @Nullable String lastName,
                                @Nullable LocalDate dateOfBirth, @Nullable Integer age,
                                @Nullable String companyName, @Nullable String chamberOfCommerce,
                                PostalAddress address, @Nullable PostalAddress delivery,
                                @Nullable String email, boolean emailDisposable,
                                @Nullable String phone, @Nullable String phoneType,
                                @Nullable String iban, Order order, String language,
                                @Nullable Integer deliveryDistanceKm, boolean deliveryOtherCountry) {

    public record PostalAddress(@Nullable String street, String houseNumber, String postcode, @Nullable String city,
                                String country) {
        /** Postcode and house number, the key of the receivables address index ({@code 1234AB|12A}). */
        public String key() {
            return postcode + "|" + houseNumber;
        }
    }

    public record Order(BigDecimal amount, String currency, @Nullable String channel,
                        @Nullable String productCategory, @Nullable String reference, boolean payLater) {
    }

    /** The initial of the first name, for the identity key (people sign with initials as often as not). */
    public String firstInitial() {
        return firstName == null || firstName.isEmpty() ? "" : PersonNames.key(firstName).substring(0, 1);
    }
}
