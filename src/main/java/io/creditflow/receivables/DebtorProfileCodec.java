package io.creditflow.receivables;

import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.shared.DutchPostcode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a profile into its stored form (ciphertext, keyed digest, blind-index entries) and back. The only place that
 * knows how a debtor's personal data is laid out at rest.
 */
@Component
public class DebtorProfileCodec {

    private static final String PLACE = "debtor/profile";

    private final PersonalDataVault vault;
    private final JsonMapper json;

    DebtorProfileCodec(PersonalDataVault vault, JsonMapper json) {
        this.vault = vault;
        this.json = json;
    }

    /** A profile ready to store. */
    public record Sealed(byte[] ciphertext, byte[] digest, List<Lookup> lookups) {
    }

    public record Lookup(BlindIndex kind, byte[] digest) {
    }

    public Sealed seal(UUID debtorId, DebtorProfile profile) {
        String plain = json.writeValueAsString(normalised(profile));
        return new Sealed(vault.encrypt(debtorId, PLACE, plain), vault.digest(plain), lookups(profile));
    }

    public byte[] digest(DebtorProfile profile) {
        return vault.digest(json.writeValueAsString(normalised(profile)));
    }

    public Optional<DebtorProfile> open(UUID debtorId, byte[] ciphertext) {
        return vault.decrypt(debtorId, PLACE, ciphertext).map(s -> json.readValue(s, DebtorProfile.class));
    }

    private List<Lookup> lookups(DebtorProfile p) {
        Set<String> seen = new LinkedHashSet<>();
        List<Lookup> lookups = new ArrayList<>();
        p.emails().forEach(e -> add(lookups, seen, BlindIndex.EMAIL, e));
        p.ibans().forEach(i -> add(lookups, seen, BlindIndex.IBAN, i));
        p.phones().forEach(ph -> add(lookups, seen, BlindIndex.PHONE, ph));
        for (String word : p.name().split("[\\s,.&'-]+")) {
            if (BlindIndex.NAME_WORD.normalise(word).length() >= 2) {
                add(lookups, seen, BlindIndex.NAME_WORD, word);
            }
        }
        if (p.chamberOfCommerce() != null) {
            add(lookups, seen, BlindIndex.CHAMBER_OF_COMMERCE, p.chamberOfCommerce());
        }
        if (p.dateOfBirth() != null) {
            add(lookups, seen, BlindIndex.DATE_OF_BIRTH, p.dateOfBirth());
        }
        for (Address a : p.addresses()) {
            if (a.key() != null) {
                add(lookups, seen, BlindIndex.ADDRESS, a.key());
            }
        }
        return lookups;
    }

    private void add(List<Lookup> lookups, Set<String> seen, BlindIndex kind, String value) {
        if (seen.add(kind + ":" + kind.normalise(value))) {
            lookups.add(new Lookup(kind, vault.blindIndex(kind, value)));
        }
    }

    /** Canonical spelling of the parts people type in different ways (postcode, IBAN, e-mail case). */
    static DebtorProfile normalised(DebtorProfile p) {
        List<Address> addresses = p.addresses().stream().map(a -> new Address(a.type(), trim(a.street()),
                trim(a.houseNumber()), postcode(a), trim(a.city()), a.country())).toList();
        return new DebtorProfile(p.name().trim(), p.salutation(), p.dateOfBirth(), addresses,
                p.emails().stream().map(BlindIndex.EMAIL::normalise).toList(), p.phones(),
                p.ibans().stream().map(BlindIndex.IBAN::normalise).toList(),
                p.chamberOfCommerce() == null ? null : BlindIndex.CHAMBER_OF_COMMERCE.normalise(p.chamberOfCommerce()),
                p.vatNumber() == null ? null : p.vatNumber().replace(" ", "").toUpperCase(java.util.Locale.ROOT),
                trim(p.contactPerson()));
    }

    private static @org.jspecify.annotations.Nullable String postcode(Address a) {
        if (a.postcode() == null) {
            return null;
        }
        if ("NL".equals(a.country())) {
            try {
                return DutchPostcode.parse(a.postcode()).value();
            } catch (IllegalArgumentException e) {
                return a.postcode().trim();
            }
        }
        return a.postcode().trim();
    }

    private static @org.jspecify.annotations.Nullable String trim(@org.jspecify.annotations.Nullable String s) {
        return s == null ? null : s.trim();
    }
}
