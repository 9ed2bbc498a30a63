package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

/** A postal address; {@code type} is BILLING or DELIVERY. */
public record Address(@Nullable String type, @Nullable String street, @Nullable String houseNumber,
                      @Nullable String postcode, @Nullable String city, @Nullable String country) {

    /** Postcode and house number, the key the blind index and fraud checks use. */
    public @Nullable String key() {
        if (postcode == null || houseNumber == null) {
            return null;
        }
        return postcode + "|" + houseNumber;
    }
}
