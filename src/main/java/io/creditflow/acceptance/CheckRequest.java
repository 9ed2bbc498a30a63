package io.creditflow.acceptance;

import org.jspecify.annotations.Nullable;

/**
 * A credit check as the webshop or order-entry system sends it. Every field is optional at this level so that bad
 * input is answered with every faulty field at once (field-level 400) instead of the first parse error; {@code
 * InputVerification} decides what is required. Amounts and dates are strings for the same reason.
 */
public record CheckRequest(@Nullable String type, @Nullable Person person, @Nullable Company company,
                           @Nullable Address address, @Nullable Address deliveryAddress, @Nullable String email,
                           @Nullable String phone, @Nullable String iban, @Nullable Order order,
                           @Nullable String language) {

    public record Person(@Nullable String firstName, @Nullable String lastName, @Nullable String dateOfBirth) {
    }

    public record Company(@Nullable String name, @Nullable String chamberOfCommerce) {
    }

    public record Address(@Nullable String street, @Nullable String houseNumber, @Nullable String postcode,
                          @Nullable String city, @Nullable String country) {
    }

    /**
     * The order. {@code payLater} is true unless the shop checks for a prepaid product (then the age rule does not
     * apply); {@code reference} is the shop's order number: the natural idempotency key and the link to the invoice.
     */
    public record Order(@Nullable String amount, @Nullable String currency, @Nullable String channel,
                        @Nullable String productCategory, @Nullable String reference, @Nullable Boolean payLater) {
    }
}
