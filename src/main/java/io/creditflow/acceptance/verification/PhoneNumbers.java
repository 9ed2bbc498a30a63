package io.creditflow.acceptance.verification;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers through libphonenumber (Google's metadata of every numbering plan): a number written nationally
 * ({@code 06-12345678}) is read in the billing address's country, and stored and compared as E.164.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** A valid number in E.164 with its type (MOBILE, FIXED_LINE, ...). */
    public record Verified(String e164, String type) {
    }

    /** The verified number, or throws {@link IllegalArgumentException} saying why not. */
    public static Verified verify(String text, String defaultRegion) {
        PhoneNumber number;
        try {
            number = UTIL.parse(text, defaultRegion);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number (" + e.getErrorType().name().toLowerCase()
                    .replace('_', ' ') + ")");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new IllegalArgumentException("not a valid number in the numbering plan of "
                    + UTIL.getRegionCodeForNumber(number) + " (" + number.getCountryCode() + ")");
        }
        return new Verified(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                UTIL.getNumberType(number).name());
    }
}
