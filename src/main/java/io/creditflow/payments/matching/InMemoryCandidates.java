package io.creditflow.payments.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Invoices, debtors' accounts and name words held in memory: for matching previews, tests and the matching-quality
 * benchmark. Keys are normalised exactly as the database functions {@code payment_number_key} and
 * {@code payment_digits_key} do, so both sources find the same candidates.
 */
public final class InMemoryCandidates implements CandidateSource {

    private final Map<String, List<OpenItem>> byReference = new HashMap<>();
    private final Map<String, List<OpenItem>> byNumber = new HashMap<>();
    private final Map<String, List<OpenItem>> byDigits = new HashMap<>();
    private final Map<UUID, List<OpenItem>> byDebtor = new HashMap<>();
    private final Map<String, Designation> byEndToEnd = new HashMap<>();
    private final Map<String, Set<UUID>> byIban = new HashMap<>();
    private final Map<String, Set<UUID>> byNameWord = new HashMap<>();
    private DigitKeyIndex index = DigitKeyIndex.empty();

    public InMemoryCandidates addInvoice(OpenItem item) {
        byReference.computeIfAbsent(item.paymentReference(), k -> new ArrayList<>()).add(item);
        byNumber.computeIfAbsent(numberKey(item.number()), k -> new ArrayList<>()).add(item);
        String digits = digitsKey(item.number());
        if (digits != null) {
            byDigits.computeIfAbsent(digits, k -> new ArrayList<>()).add(item);
        }
        byDebtor.computeIfAbsent(item.debtorId(), k -> new ArrayList<>()).add(item);
        index = null;
        return this;
    }

    public InMemoryCandidates addDebtor(UUID debtorId, String name, Collection<String> ibans) {
        ibans.forEach(iban -> byIban.computeIfAbsent(iban.replace(" ", "").toUpperCase(Locale.ROOT),
                k -> new HashSet<>()).add(debtorId));
        for (String word : name.split("[\\s,.&'-]+")) {
            String normalised = FeatureExtractor.nameWords(word).stream().findFirst().orElse(null);
            if (normalised != null) {
                byNameWord.computeIfAbsent(normalised, k -> new HashSet<>()).add(debtorId);
            }
        }
        return this;
    }

    public InMemoryCandidates addEndToEndId(String endToEndId, Designation designation) {
        byEndToEnd.put(endToEndId, designation);
        return this;
    }

    /** The same normalisation as the database function payment_number_key. */
    public static String numberKey(String number) {
        return number.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** The same normalisation as the database function payment_digits_key. */
    public static @org.jspecify.annotations.Nullable String digitsKey(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    @Override
    public Map<String, List<OpenItem>> byReference(Set<String> references) {
        return select(byReference, references);
    }

    @Override
    public Map<String, List<OpenItem>> byNumberKey(Set<String> keys) {
        return select(byNumber, keys);
    }

    @Override
    public Map<String, List<OpenItem>> byDigitsKey(Set<String> keys) {
        return select(byDigits, keys);
    }

    @Override
    public Map<String, Designation> byEndToEndId(Set<String> endToEndIds) {
        return select(byEndToEnd, endToEndIds);
    }

    @Override
    public Map<String, Set<UUID>> debtorsByIban(Set<String> ibans) {
        return select(byIban, ibans);
    }

    @Override
    public Map<String, WordHits> debtorsByNameWord(Set<String> words, int limit) {
        Map<String, WordHits> result = new HashMap<>();
        for (String word : words) {
            Set<UUID> debtors = byNameWord.get(word);
            if (debtors != null) {
                result.put(word, debtors.size() > limit ? new WordHits(Set.of(), true) : new WordHits(debtors, false));
            }
        }
        return result;
    }

    @Override
    public Map<UUID, List<OpenItem>> openItemsOfDebtors(Collection<UUID> debtorIds, int limitPerDebtor) {
        Map<UUID, List<OpenItem>> result = new HashMap<>();
        for (UUID debtor : debtorIds) {
            List<OpenItem> items = byDebtor.getOrDefault(debtor, List.of()).stream().filter(OpenItem::open)
                    .sorted(Comparator.comparing(OpenItem::dueDate)).limit(limitPerDebtor).toList();
            if (!items.isEmpty()) {
                result.put(debtor, items);
            }
        }
        return result;
    }

    @Override
    public DigitKeyIndex digitKeyIndex() {
        if (index == null) {
            DigitKeyIndex.Builder builder = DigitKeyIndex.builder();
            byDigits.forEach((key, items) -> {
                if (items.stream().anyMatch(OpenItem::open)) {
                    builder.add(key);
                }
            });
            index = builder.build();
        }
        return index;
    }

    private static <V> Map<String, V> select(Map<String, V> map, Set<String> keys) {
        Map<String, V> result = new HashMap<>();
        for (String key : keys) {
            V value = map.get(key);
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }
}
