package io.creditflow.payments.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches a chunk of payments in a fixed number of lookups, however many payments the chunk holds: first everything
 * exact (end-to-end ids, references and their check-digit corrections, invoice-number keys, payer accounts), then
 * typo-tolerant invoice numbers for the payments that found nothing that fits, then name words for those still
 * without a debtor, then the open invoices of the debtors identified by account or name. Proposals are built payment
 * by payment in file order, and a payment applied automatically lowers what is open for the payments after it.
 */
public final class Matcher {

    /** Name words shared by more debtors than this say nothing about who paid. */
    static final int NAME_WORD_LIMIT = 50;
    static final int ITEMS_PER_DEBTOR = 200;

    /** The tenant's rules: when to apply without a person, and what difference may be written off. */
    public record Settings(double autoApplyThreshold, BigDecimal writeOffTolerance) {
    }

    private final CandidateSource source;
    private final Settings settings;
    private final ProposalBuilder builder;

    public Matcher(CandidateSource source, Settings settings) {
        this.source = source;
        this.settings = settings;
        this.builder = new ProposalBuilder(settings.writeOffTolerance());
    }

    public List<MatchOutcome> match(List<PaymentItem> items, OpenAmounts open) {
        List<Features> features = items.stream().map(FeatureExtractor::extract).toList();
        ExactLookups exact = exactLookups(features);
        List<List<Hit>> hits = new ArrayList<>(items.size());
        for (Features f : features) {
            hits.add(exact.hits(f));
        }
        typoTolerantNumbers(items, features, hits, open);
        Map<Integer, NameMatches> names = nameMatches(features, hits, exact.ibanDebtors);
        Map<UUID, List<OpenItem>> debtorItems = debtorItems(features, hits, exact.ibanDebtors, names);
        List<MatchOutcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Set<UUID> ibanDebtors = ibanDebtors(features.get(i), exact.ibanDebtors);
            MatchOutcome outcome = builder.build(items.get(i), hits.get(i), features.get(i).iban() != null,
                    ibanDebtors, names.get(i), debtorItems, open);
            outcomes.add(outcome);
            if (outcome.automatic(settings.autoApplyThreshold())) {
                project(outcome.best(), items.get(i), hits.get(i), debtorItems, open);
            }
        }
        return outcomes;
    }

    private ExactLookups exactLookups(List<Features> features) {
        Set<String> references = new HashSet<>();
        Map<String, List<String>> corrections = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        Set<String> digits = new HashSet<>();
        Set<String> endToEnd = new HashSet<>();
        Set<String> ibans = new HashSet<>();
        for (Features f : features) {
            references.addAll(f.references());
            for (String bad : f.badReferences()) {
                List<String> candidates = corrections.computeIfAbsent(bad, ReferenceCorrection::candidates);
                references.addAll(candidates);
            }
            numbers.addAll(f.numberKeys());
            digits.addAll(f.digitKeys());
            if (f.endToEndId() != null) {
                endToEnd.add(f.endToEndId());
            }
            if (f.iban() != null) {
                ibans.add(f.iban());
            }
        }
        return new ExactLookups(source.byReference(references), corrections, source.byNumberKey(numbers),
                source.byDigitsKey(digits), endToEnd.isEmpty() ? Map.of() : source.byEndToEndId(endToEnd),
                ibans.isEmpty() ? Map.of() : source.debtorsByIban(ibans));
    }

    /**
     * Payments whose numbers found no invoice whose open amount fits get a second chance: invoice numbers one typing
     * error away from what they wrote. A typo in a sequential number often lands on another existing invoice, so an
     * exact hit whose amount does not fit does not end the search; but then only a neighbour whose open amount fits
     * is worth proposing (as a rival reading, never merged with what the payer did write).
     */
    private void typoTolerantNumbers(List<PaymentItem> items, List<Features> features, List<List<Hit>> hits,
                                     OpenAmounts open) {
        Map<Integer, Map<String, List<String>>> neighboursOf = new HashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        DigitKeyIndex index = null;
        for (int i = 0; i < items.size(); i++) {
            if (!needsTypoSearch(items.get(i), hits.get(i), open)) {
                continue;
            }
            for (String key : features.get(i).digitKeys()) {
                if (key.length() < 6) {
                    continue;
                }
                index = index == null ? source.digitKeyIndex() : index;
                List<String> neighbours = index.neighbours(key);
                if (!neighbours.isEmpty()) {
                    neighboursOf.computeIfAbsent(i, k -> new HashMap<>()).put(key, neighbours);
                    wanted.addAll(neighbours);
                }
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, List<OpenItem>> found = source.byDigitsKey(wanted);
        neighboursOf.forEach((i, byToken) -> byToken.forEach((token, neighbours) -> {
            boolean named = !hits.get(i).isEmpty();
            List<OpenItem> invoices = neighbours.stream().flatMap(n -> found.getOrDefault(n, List.of()).stream())
                    .filter(OpenItem::open).filter(o -> !named || fits(open.open(o), items.get(i))).toList();
            List<Hit> more = new ArrayList<>(hits.get(i));
            for (OpenItem invoice : invoices) {
                more.add(Hit.of(invoice, Evidence.NUMBER_FUZZY, token, Evidence.NUMBER_FUZZY.weight));
            }
            hits.set(i, Hit.strongestPerInvoice(more));
        }));
    }

    private boolean needsTypoSearch(PaymentItem item, List<Hit> hits, OpenAmounts open) {
        BigDecimal all = BigDecimal.ZERO;
        for (Hit hit : hits) {
            if (hit.evidence() == Evidence.END_TO_END || hit.evidence() == Evidence.REFERENCE
                    || hit.evidence() == Evidence.REFERENCE_IN_TEXT) {
                return false;
            }
            BigDecimal owed = open.open(hit.invoice());
            all = all.add(owed);
            if (fits(owed, item)) {
                return false;
            }
        }
        return !fits(all, item);
    }

    private boolean fits(BigDecimal owed, PaymentItem item) {
        BigDecimal difference = owed.subtract(item.amount().amount());
        return difference.signum() >= 0 && difference.compareTo(settings.writeOffTolerance()) <= 0;
    }

    private Map<Integer, NameMatches> nameMatches(List<Features> features, List<List<Hit>> hits,
                                                  Map<String, Set<UUID>> ibanDebtors) {
        Set<String> words = new HashSet<>();
        List<Integer> wanting = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Features f = features.get(i);
            if (hits.get(i).isEmpty() && ibanDebtors(f, ibanDebtors).isEmpty() && !f.nameWords().isEmpty()) {
                wanting.add(i);
                words.addAll(f.nameWords());
            }
        }
        if (words.isEmpty()) {
            return Map.of();
        }
        Map<String, CandidateSource.WordHits> found = source.debtorsByNameWord(words, NAME_WORD_LIMIT);
        Map<Integer, NameMatches> result = new HashMap<>();
        for (int i : wanting) {
            NameMatches matches = NameMatches.of(features.get(i).nameWords(), found);
            if (!matches.isEmpty()) {
                result.put(i, matches);
            }
        }
        return result;
    }

    private Map<UUID, List<OpenItem>> debtorItems(List<Features> features, List<List<Hit>> hits,
                                                  Map<String, Set<UUID>> ibanDebtors,
                                                  Map<Integer, NameMatches> names) {
        Set<UUID> debtors = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Set<UUID> hitDebtors = new HashSet<>();
            hits.get(i).forEach(h -> hitDebtors.add(h.invoice().debtorId()));
            for (UUID debtor : ibanDebtors(features.get(i), ibanDebtors)) {
                if (!hitDebtors.contains(debtor)) {
                    debtors.add(debtor);
                }
            }
            NameMatches byName = names.get(i);
            if (byName != null) {
                debtors.addAll(byName.debtors());
            }
        }
        return debtors.isEmpty() ? Map.of() : source.openItemsOfDebtors(debtors, ITEMS_PER_DEBTOR);
    }

    private static Set<UUID> ibanDebtors(Features f, Map<String, Set<UUID>> byIban) {
        return f.iban() == null ? Set.of() : byIban.getOrDefault(f.iban(), Set.of());
    }

    private static void project(Proposal best, PaymentItem item, List<Hit> hits,
                                Map<UUID, List<OpenItem>> debtorItems, OpenAmounts open) {
        Map<UUID, OpenItem> known = new HashMap<>();
        hits.forEach(h -> known.put(h.invoice().invoiceId(), h.invoice()));
        debtorItems.getOrDefault(best.debtorId(), List.of()).forEach(o -> known.putIfAbsent(o.invoiceId(), o));
        List<OpenItem> targets = best.invoiceIds().isEmpty()
                ? debtorItems.getOrDefault(best.debtorId(), List.of())
                : best.invoiceIds().stream().map(known::get).filter(java.util.Objects::nonNull).toList();
        open.apply(targets, item.amount().amount());
    }

    /** The results of the exact lookups of a chunk, and how they turn into hits for one payment. */
    private record ExactLookups(Map<String, List<OpenItem>> byReference, Map<String, List<String>> corrections,
                                Map<String, List<OpenItem>> byNumber, Map<String, List<OpenItem>> byDigits,
                                Map<String, CandidateSource.Designation> byEndToEnd,
                                Map<String, Set<UUID>> ibanDebtors) {

        List<Hit> hits(Features f) {
            List<Hit> hits = new ArrayList<>();
            CandidateSource.Designation designation = f.endToEndId() == null ? null : byEndToEnd.get(f.endToEndId());
            if (designation != null) {
                designation.invoices().forEach(i -> hits.add(Hit.of(i, Evidence.END_TO_END, f.endToEndId(),
                        Evidence.END_TO_END.weight)));
            }
            for (int r = 0; r < f.references().size(); r++) {
                String reference = f.references().get(r);
                Evidence evidence = reference.equals(f.structuredReference()) ? Evidence.REFERENCE
                        : Evidence.REFERENCE_IN_TEXT;
                add(hits, byReference.getOrDefault(reference, List.of()), evidence, reference, evidence.weight);
            }
            for (String bad : f.badReferences()) {
                List<OpenItem> corrected = corrections.getOrDefault(bad, List.of()).stream()
                        .flatMap(c -> byReference.getOrDefault(c, List.of()).stream()).toList();
                add(hits, corrected, Evidence.REFERENCE_CORRECTED, bad, Evidence.REFERENCE_CORRECTED.weight);
            }
            for (String key : f.numberKeys()) {
                add(hits, byNumber.getOrDefault(key, List.of()), Evidence.NUMBER, key, key.length() >= 6 ? 5.5 : 3.5);
            }
            for (String key : f.digitKeys()) {
                double weight = key.length() >= 8 ? 5.0 : key.length() >= 6 ? 4.0 : 2.0;
                add(hits, byDigits.getOrDefault(key, List.of()), Evidence.NUMBER_DIGITS, key, weight);
            }
            return Hit.strongestPerInvoice(hits);
        }

        private static void add(List<Hit> hits, List<OpenItem> invoices, Evidence evidence, String token,
                                double weight) {
            for (OpenItem invoice : invoices) {
                hits.add(Hit.of(invoice, evidence, token, Hit.shared(weight, invoices.size())));
            }
        }
    }
}
