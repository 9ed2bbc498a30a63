package io.creditflow.messaging;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a letter goes, as printed in the envelope window: the addressee, an optional attention line, street and
 * number, postcode and city (Dutch style: "1234 AB  AMSTERDAM"), and the country in capitals when it is not the
 * sender's.
 */
public record PostalAddress(String name, @Nullable String attention, String street, String postcode, String city,
                            String country) {

    /** The lines in the window, at most six, per the Dutch addressing rules (PostNL). */
    public List<String> lines(String senderCountry) {
        List<String> lines = new ArrayList<>();
        lines.add(name);
        if (attention != null && !attention.isBlank()) {
            lines.add(attention);
        }
        lines.add(street);
        lines.add(postcode + "  " + city.toUpperCase(Locale.ROOT));
        if (!country.equalsIgnoreCase(senderCountry)) {
            lines.add(new Locale("", country).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT));
        }
        return lines;
    }
}
