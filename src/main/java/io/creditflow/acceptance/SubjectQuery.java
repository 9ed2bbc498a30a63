package io.creditflow.acceptance;

import org.jspecify.annotations.Nullable;

/**
 * Whom an access request is about: any of e-mail, IBAN, phone, postcode with house number, a person (last name, first
 * name, date of birth) or a company (Chamber of Commerce number). Checks matching any given detail are returned.
 */
public record SubjectQuery(@Nullable String email, @Nullable String iban, @Nullable String phone,
                           @Nullable String postcode, @Nullable String houseNumber, @Nullable String lastName,
                           @Nullable String firstName, @Nullable String dateOfBirth,
                           @Nullable String chamberOfCommerce) {

    public boolean isEmpty() {
        return email == null && iban == null && phone == null && (postcode == null || houseNumber == null)
                && (lastName == null || firstName == null || dateOfBirth == null) && chamberOfCommerce == null;
    }
}
