package io.creditflow.privacy;

import java.util.List;
import java.util.UUID;

/**
 * The person a data-subject request is about: a debtor of the current tenant, with the identifiers it is known by
 * (e-mail addresses, phones, IBANs, ...) so that modules that file data by blind index rather than by debtor id (a
 * bank statement line, a credit check of someone not yet a debtor) can find theirs with
 * {@link PersonalDataVault#blindIndex(BlindIndex, String)}. Identifiers are empty once the person was erased.
 */
public record DataSubject(UUID debtorId, List<Identifier> identifiers) {

    public DataSubject {
        identifiers = List.copyOf(identifiers);
    }

    public record Identifier(BlindIndex kind, String value) {
    }

    /** The values of one kind ("every e-mail address of this person"). */
    public List<String> values(BlindIndex kind) {
        return identifiers.stream().filter(i -> i.kind() == kind).map(Identifier::value).toList();
    }

    /**
     * Tells who a debtor is: implemented by the module that owns debtors (receivables). Used to fill
     * {@link DataSubject#identifiers()} before any contributor runs (erasure destroys what it reads from).
     */
    public interface Directory {
        List<Identifier> identifiers(UUID debtorId);

        /** Whether the debtor exists in the current tenant (requests about unknown ids are refused with 404). */
        boolean exists(UUID debtorId);

        /** A short label for registers and certificates without personal data (the tenant's own customer number). */
        String reference(UUID debtorId);

        /** Debtor ids after {@code after} (null: from the start) in id order, at most {@code limit}: for bundles. */
        List<UUID> page(@org.jspecify.annotations.Nullable UUID after, int limit);
    }
}
