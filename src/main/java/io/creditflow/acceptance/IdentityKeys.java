package io.creditflow.acceptance;

import io.creditflow.acceptance.verification.PersonNames;
import io.creditflow.acceptance.verification.VerifiedApplicant;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.PersonalDataVault;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyed digests a check is looked up and serialised by. The identity is who the check is about: a person by last
 * name, first initial and date of birth; a company by its Chamber of Commerce number (or, abroad, its name and
 * address). Contact details (e-mail, IBAN, phone, address) are attributes: shared between identities they are a fraud
 * signal. All are keyed digests under the tenant's key: nothing here is personal data in clear.
 */
record IdentityKeys(byte[] identityKey, String kind, byte @Nullable [] kvk, byte @Nullable [] dob,
                    byte @Nullable [] lastName, List<String> attributeKinds, List<byte[]> attributeDigests,
                    byte @Nullable [] naturalKey) {

    static IdentityKeys of(VerifiedApplicant a, PersonalDataVault vault) {
        String canonical = canonical(a);
        byte[] identity = vault.digest("acceptance-identity:" + canonical);
        List<String> kinds = new ArrayList<>(4);
        List<byte[]> digests = new ArrayList<>(4);
        attribute(vault, BlindIndex.EMAIL, a.email(), kinds, digests);
        attribute(vault, BlindIndex.IBAN, a.iban(), kinds, digests);
        attribute(vault, BlindIndex.PHONE, a.phone(), kinds, digests);
        attribute(vault, BlindIndex.ADDRESS, a.address().key(), kinds, digests);
        byte[] naturalKey = a.order().reference() == null ? null : vault.digest("acceptance-order:" + canonical + "|"
                + a.order().reference() + "|" + a.order().amount().toPlainString() + "|" + a.order().currency());
        if (a.type() == ApplicantType.BUSINESS) {
            return new IdentityKeys(identity, "COMPANY", a.chamberOfCommerce() == null ? null
                    : vault.blindIndex(BlindIndex.CHAMBER_OF_COMMERCE, a.chamberOfCommerce()), null, null,
                    kinds, digests, naturalKey);
        }
        return new IdentityKeys(identity, "PERSON", null,
                vault.blindIndex(BlindIndex.DATE_OF_BIRTH, String.valueOf(a.dateOfBirth())),
                vault.blindIndex(BlindIndex.NAME_WORD, PersonNames.lastWord(String.valueOf(a.lastName()))),
                kinds, digests, naturalKey);
    }

    /** The natural identity in canonical form (never stored, only digested). */
    static String canonical(VerifiedApplicant a) {
        if (a.type() == ApplicantType.BUSINESS) {
            return a.chamberOfCommerce() != null ? "C|" + a.chamberOfCommerce()
                    : "C|" + PersonNames.key(String.valueOf(a.companyName())) + "|" + a.address().country() + "|"
                    + BlindIndex.ADDRESS.normalise(a.address().key());
        }
        return "P|" + PersonNames.key(String.valueOf(a.lastName())) + "|" + a.firstInitial() + "|" + a.dateOfBirth();
    }

    /** The identity digest for a person or company given by its parts (access requests, limits by hand). */
    static byte[] personKey(PersonalDataVault vault, String lastName, String firstName, String dateOfBirth) {
        String initial = PersonNames.key(firstName).isEmpty() ? "" : PersonNames.key(firstName).substring(0, 1);
        return vault.digest("acceptance-identity:P|" + PersonNames.key(lastName) + "|" + initial + "|" + dateOfBirth);
    }

    static byte[] companyKey(PersonalDataVault vault, String chamberOfCommerce) {
        return vault.digest("acceptance-identity:C|" + BlindIndex.CHAMBER_OF_COMMERCE.normalise(chamberOfCommerce));
    }

    private static void attribute(PersonalDataVault vault, BlindIndex kind, @Nullable String value, List<String> kinds,
                                  List<byte[]> digests) {
        if (value != null) {
            kinds.add(kind.name());
            digests.add(vault.blindIndex(kind, value));
        }
    }
}
