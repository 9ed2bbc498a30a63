package io.creditflow.payments.matching;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Debtors whose name shares words with the payer's name. Names are stored encrypted, with a blind index per name word,
 * so this is exact word matching (order, initials and legal forms do not matter; a misspelt word does not match).
 * A word shared by very many debtors ("jansen") counts as uninformative; a word no debtor has counts against every
 * candidate (the payer may be someone else: a parent, an employer, a debt counsellor).
 */
record NameMatches(Map<UUID, Integer> matchedWords, int informativeWords) {

    static final int MAX_DEBTORS = 20;

    static NameMatches of(List<String> words, Map<String, CandidateSource.WordHits> found) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        int informative = 0;
        for (String word : words) {
            CandidateSource.WordHits hits = found.get(word);
            if (hits != null && hits.common()) {
                continue;
            }
            informative++;
            if (hits != null) {
                hits.debtors().forEach(d -> counts.merge(d, 1, Integer::sum));
            }
        }
        Map<UUID, Integer> best = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<UUID, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(MAX_DEBTORS).forEach(e -> best.put(e.getKey(), e.getValue()));
        return new NameMatches(best, informative);
    }

    boolean isEmpty() {
        return matchedWords.isEmpty();
    }

    Set<UUID> debtors() {
        return matchedWords.keySet();
    }

    /** Log-odds that the payer is this debtor, from the name alone. */
    double weight(UUID debtor) {
        int matched = matchedWords.getOrDefault(debtor, 0);
        if (matched == 0) {
            return 0;
        }
        if (matched == informativeWords) {
            return matched >= 2 ? 2.0 : 1.0;
        }
        return 0.5 * matched - 0.5 * (informativeWords - matched);
    }

    Reason reason(UUID debtor) {
        return Reason.of("name", matchedWords.getOrDefault(debtor, 0), informativeWords);
    }
}
