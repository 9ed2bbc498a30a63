package io.creditflow.payments.matching;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where matching looks things up, always for a whole chunk of payments at once (one query per kind of key, not one
 * per payment). Keys are already normalised by the caller: references and invoice-number keys upper case without
 * separators, digit keys digits only, IBANs upper case without spaces, name words as {@code BlindIndex.NAME_WORD}
 * normalises them.
 */
public interface CandidateSource {

    /** Invoices (open or not) whose payment reference is one of these. */
    Map<String, List<OpenItem>> byReference(Set<String> references);

    /** Invoices (open or not) whose number, without separators and upper case, is one of these. */
    Map<String, List<OpenItem>> byNumberKey(Set<String> keys);

    /** Invoices (open or not) whose number's digits are one of these. */
    Map<String, List<OpenItem>> byDigitsKey(Set<String> keys);

    /** What our own end-to-end ids (direct-debit collections) stand for. */
    Map<String, Designation> byEndToEndId(Set<String> endToEndIds);

    /** The debtors known to pay from each IBAN (their own accounts, and accounts learned from earlier payments). */
    Map<String, Set<UUID>> debtorsByIban(Set<String> ibans);

    /**
     * The debtors whose name contains each word, at most {@code limit} per word; a word found for more debtors than
     * that is reported with {@link WordHits#common()} and tells nothing about who paid.
     */
    Map<String, WordHits> debtorsByNameWord(Set<String> words, int limit);

    /** The open invoices of these debtors (oldest due first), at most {@code limitPerDebtor} each. */
    Map<UUID, List<OpenItem>> openItemsOfDebtors(Collection<UUID> debtorIds, int limitPerDebtor);

    /** The digit keys of the tenant's open invoices, for typo-tolerant lookups; may be cached. */
    DigitKeyIndex digitKeyIndex();

    /** An end-to-end id of ours and the invoice(s) it was issued for. */
    record Designation(UUID debtorId, List<OpenItem> invoices) {
        public Designation {
            invoices = List.copyOf(invoices);
        }
    }

    /** The debtors whose name has a word, or "common" when too many do to mean anything. */
    record WordHits(Set<UUID> debtors, boolean common) {
        public WordHits {
            debtors = Set.copyOf(debtors);
        }
    }
}
