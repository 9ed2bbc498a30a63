package io.creditflow.payments.matching;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns what was found for one payment into scored proposals. Each piece of evidence adds log-odds (see
 * {@link Evidence}); the proposals then compete: a proposal's confidence is its odds against all the others and
 * against "none of these" ({@code e^s / (1 + sum e^s)}), so two equally good readings of a payment both stay below
 * any sensible threshold and go to a person.
 */
final class ProposalBuilder {

    static final double PRIOR = -2.0;
    static final double AMOUNT_EXACT = 2.5;
    static final double AMOUNT_WITHIN_TOLERANCE = 1.5;
    static final double PRINCIPAL_ONLY = 0.5;
    static final double PARTIAL = -1.0;
    static final double OVERPAID = -1.5;
    static final double ALREADY_PAID = -4.0;
    static final double OWN_ACCOUNT = 2.0;
    static final double OTHER_DEBTORS_ACCOUNT = -2.0;
    static final double ACCOUNT_IDENTIFIES_DEBTOR = 3.0;
    static final int MAX_PROPOSALS = 5;

    private final BigDecimal tolerance;

    ProposalBuilder(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    private record Scored(Proposal.Kind kind, UUID debtorId, List<OpenItem> invoices, double score,
                          List<Reason> reasons) {
    }

    MatchOutcome build(PaymentItem item, List<Hit> hits, boolean hasIban, Set<UUID> ibanDebtors,
                       @Nullable NameMatches names, Map<UUID, List<OpenItem>> debtorItems, OpenAmounts open) {
        List<Scored> scored = new ArrayList<>();
        Map<UUID, List<Hit>> byDebtor = new LinkedHashMap<>();
        Map<UUID, List<Hit>> typosByDebtor = new LinkedHashMap<>();
        for (Hit h : hits) {
            (h.evidence() == Evidence.NUMBER_FUZZY ? typosByDebtor : byDebtor)
                    .computeIfAbsent(h.invoice().debtorId(), d -> new ArrayList<>()).add(h);
        }
        byDebtor.forEach((debtor, named) ->
                scored.addAll(designated(item, debtor, named, hasIban, ibanDebtors, open)));
        typosByDebtor.forEach((debtor, typos) -> {
            List<UUID> written = byDebtor.getOrDefault(debtor, List.of()).stream()
                    .map(h -> h.invoice().invoiceId()).toList();
            List<Hit> rivals = typos.stream().filter(h -> !written.contains(h.invoice().invoiceId())).toList();
            if (!rivals.isEmpty()) {
                scored.addAll(designated(item, debtor, rivals, hasIban, ibanDebtors, open));
            }
        });
        typosByDebtor.keySet().forEach(d -> byDebtor.putIfAbsent(d, List.of()));
        for (UUID debtor : ibanDebtors) {
            if (!byDebtor.containsKey(debtor)) {
                scored.addAll(undesignated(item, debtor, ACCOUNT_IDENTIFIES_DEBTOR, Reason.of("accountKnown"),
                        debtorItems.getOrDefault(debtor, List.of()), open));
            }
        }
        if (scored.isEmpty() && names != null) {
            for (UUID debtor : names.debtors()) {
                scored.addAll(undesignated(item, debtor, names.weight(debtor), names.reason(debtor),
                        debtorItems.getOrDefault(debtor, List.of()), open));
            }
        }
        if (scored.isEmpty()) {
            return new MatchOutcome(List.of(), List.of(Reason.of(names == null ? "noCandidates" : "nameOnly")));
        }
        return new MatchOutcome(normalise(scored), List.of());
    }

    private List<Scored> designated(PaymentItem item, UUID debtor, List<Hit> hits, boolean hasIban,
                                    Set<UUID> ibanDebtors, OpenAmounts open) {
        List<Reason> base = new ArrayList<>(hits.stream().limit(6).map(Hit::reason).toList());
        double account = accountEvidence(debtor, hasIban, ibanDebtors, base);
        List<Hit> stillOpen = hits.stream().filter(h -> open.open(h.invoice()).signum() > 0).toList();
        if (stillOpen.isEmpty()) {
            base.add(Reason.of("alreadyPaid", numbers(hits.stream().map(Hit::invoice).toList())));
            double best = hits.stream().mapToDouble(Hit::weight).max().orElse(0);
            return List.of(new Scored(Proposal.Kind.DESIGNATED, debtor, hits.stream().map(Hit::invoice).toList(),
                    PRIOR + best + account + ALREADY_PAID, base));
        }
        List<List<Hit>> sets = new ArrayList<>();
        sets.add(stillOpen);
        List<Hit> exactPart = exactSubsetOf(item, stillOpen, open);
        if (exactPart != null) {
            sets.add(exactPart);
        }
        List<Scored> result = new ArrayList<>();
        for (List<Hit> set : sets) {
            List<OpenItem> invoices = set.stream().map(Hit::invoice).toList();
            List<Reason> reasons = new ArrayList<>(base);
            double identification = set.stream().mapToDouble(Hit::weight).min().orElse(0);
            double amount = amountEvidence(item, invoices, open, reasons);
            result.add(new Scored(Proposal.Kind.DESIGNATED, debtor, invoices, PRIOR + identification + amount
                    + account, reasons));
        }
        return result;
    }

    /** When a payment names several invoices but pays exactly some of them, that reading competes too. */
    private static @Nullable List<Hit> exactSubsetOf(PaymentItem item, List<Hit> named, OpenAmounts open) {
        if (named.size() < 2 || named.size() > 8) {
            return null;
        }
        long target = item.amount().minorUnits();
        long[] cents = named.stream().mapToLong(h -> cents(open.open(h.invoice()))).toArray();
        if (java.util.Arrays.stream(cents).sum() == target) {
            return null;
        }
        for (int i = 0; i < cents.length; i++) {
            if (cents[i] == target) {
                return List.of(named.get(i));
            }
        }
        List<List<Integer>> solutions = SubsetSum.solve(cents, target, 2);
        return solutions.size() == 1 ? solutions.getFirst().stream().map(named::get).toList() : null;
    }

    private static double accountEvidence(UUID debtor, boolean hasIban, Set<UUID> ibanDebtors, List<Reason> reasons) {
        if (!hasIban) {
            return 0;
        }
        if (ibanDebtors.contains(debtor)) {
            reasons.add(Reason.of("accountKnown"));
            return OWN_ACCOUNT;
        }
        if (!ibanDebtors.isEmpty()) {
            reasons.add(Reason.of("accountOtherDebtor"));
            return OTHER_DEBTORS_ACCOUNT;
        }
        reasons.add(Reason.of("accountUnknown"));
        return 0;
    }

    private double amountEvidence(PaymentItem item, List<OpenItem> invoices, OpenAmounts open, List<Reason> reasons) {
        BigDecimal amount = item.amount().amount();
        BigDecimal owed = open.openOf(invoices);
        BigDecimal over = amount.subtract(owed);
        boolean costs = invoices.stream().anyMatch(i -> i.openCosts().signum() > 0 || i.openInterest().signum() > 0);
        if (over.signum() == 0) {
            reasons.add(Reason.of(costs ? "amountIncludesCosts" : "amountExact", plain(amount)));
            return AMOUNT_EXACT;
        }
        if (over.signum() < 0 && over.negate().compareTo(tolerance) <= 0) {
            reasons.add(Reason.of("writeOff", plain(over.negate()), plain(tolerance)));
            return AMOUNT_WITHIN_TOLERANCE;
        }
        if (over.signum() < 0) {
            if (invoices.size() == 1 && costs && amount.compareTo(invoices.getFirst().amount()) == 0) {
                reasons.add(Reason.of("principalOnly", plain(amount), plain(owed)));
                return PRINCIPAL_ONLY;
            }
            reasons.add(Reason.of("partial", plain(amount), plain(owed), plain(owed.subtract(amount))));
            return PARTIAL;
        }
        reasons.add(Reason.of("overpaid", plain(over)));
        return OVERPAID;
    }

    private List<Scored> undesignated(PaymentItem item, UUID debtor, double debtorWeight, Reason debtorReason,
                                      List<OpenItem> all, OpenAmounts open) {
        List<OpenItem> items = all.stream().filter(i -> open.open(i).signum() > 0)
                .sorted(Comparator.comparing(OpenItem::dueDate)).toList();
        double base = PRIOR + debtorWeight;
        BigDecimal amount = item.amount().amount();
        List<Scored> single = byOneInvoice(debtor, items, amount, base, debtorReason, open);
        if (!single.isEmpty()) {
            return single;
        }
        List<Scored> combination = byCombination(debtor, items, amount, base, debtorReason, open);
        if (!combination.isEmpty()) {
            return combination;
        }
        List<Reason> reasons = new ArrayList<>(List.of(debtorReason));
        BigDecimal owed = open.openOf(items);
        reasons.add(items.isEmpty() ? Reason.of("noOpenInvoices") : Reason.of("byLaw", items.size(), plain(owed)));
        if (amount.compareTo(owed) > 0) {
            reasons.add(Reason.of("overpaid", plain(amount.subtract(owed))));
        }
        return List.of(new Scored(Proposal.Kind.ACCOUNT, debtor, List.of(), base + (items.isEmpty() ? -1 : 0),
                reasons));
    }

    private List<Scored> byOneInvoice(UUID debtor, List<OpenItem> items, BigDecimal amount, double base,
                                      Reason debtorReason, OpenAmounts open) {
        List<OpenItem> exact = items.stream().filter(i -> open.open(i).compareTo(amount) == 0).toList();
        List<Scored> result = new ArrayList<>();
        if (!exact.isEmpty()) {
            for (OpenItem invoice : exact.stream().limit(3).toList()) {
                List<Reason> reasons = new ArrayList<>(List.of(debtorReason,
                        Reason.of("amountMatchesInvoice", plain(amount), invoice.number())));
                if (exact.size() > 1) {
                    reasons.add(Reason.of("sameAmount", exact.size()));
                }
                result.add(new Scored(Proposal.Kind.AMOUNT, debtor, List.of(invoice), base + AMOUNT_EXACT, reasons));
            }
            return result;
        }
        List<OpenItem> close = items.stream().filter(i -> {
            BigDecimal short_ = open.open(i).subtract(amount);
            return short_.signum() > 0 && short_.compareTo(tolerance) <= 0;
        }).toList();
        if (close.size() == 1) {
            OpenItem invoice = close.getFirst();
            result.add(new Scored(Proposal.Kind.AMOUNT, debtor, List.of(invoice), base + AMOUNT_WITHIN_TOLERANCE,
                    List.of(debtorReason, Reason.of("amountMatchesInvoice", plain(amount), invoice.number()),
                            Reason.of("writeOff", plain(open.open(invoice).subtract(amount)), plain(tolerance)))));
        }
        return result;
    }

    private List<Scored> byCombination(UUID debtor, List<OpenItem> items, BigDecimal amount, double base,
                                       Reason debtorReason, OpenAmounts open) {
        List<OpenItem> oldest = items.stream().limit(SubsetSum.MAX_ITEMS).toList();
        if (oldest.size() < 2) {
            return List.of();
        }
        long[] cents = oldest.stream().mapToLong(i -> cents(open.open(i))).toArray();
        List<List<Integer>> solutions = SubsetSum.solve(cents, cents(amount), 2);
        double coincidence = Math.log1p(SubsetSum.coincidences(cents));
        List<Scored> result = new ArrayList<>();
        for (List<Integer> solution : solutions) {
            List<OpenItem> invoices = solution.stream().map(oldest::get).toList();
            List<Reason> reasons = new ArrayList<>(List.of(debtorReason,
                    Reason.of("combination", invoices.size(), numbers(invoices))));
            if (solutions.size() > 1) {
                reasons.add(Reason.of("combinationAmbiguous"));
            }
            result.add(new Scored(Proposal.Kind.COMBINATION, debtor, invoices, base + AMOUNT_EXACT - coincidence,
                    reasons));
        }
        return result;
    }

    private static List<Proposal> normalise(List<Scored> scored) {
        double sum = 1;
        for (Scored s : scored) {
            sum += Math.exp(s.score());
        }
        List<Proposal> proposals = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            double confidence = Math.floor(Math.exp(s.score()) / sum * 1000) / 1000;
            proposals.add(new Proposal(s.kind(), s.debtorId(), s.invoices().stream().map(OpenItem::invoiceId).toList(),
                    confidence, s.reasons()));
        }
        proposals.sort(Comparator.comparingDouble(Proposal::confidence).reversed());
        return proposals.stream().limit(MAX_PROPOSALS).toList();
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String numbers(List<OpenItem> invoices) {
        return String.join(", ", invoices.stream().map(OpenItem::number).limit(10).toList());
    }
}
