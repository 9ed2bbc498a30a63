package io.creditflow.payments.bench;

import io.creditflow.payments.matching.InMemoryCandidates;
import io.creditflow.payments.matching.MatchOutcome;
import io.creditflow.payments.matching.Matcher;
import io.creditflow.payments.matching.OpenAmounts;
import io.creditflow.payments.matching.OpenItem;
import io.creditflow.payments.matching.PaymentItem;
import io.creditflow.payments.matching.Proposal;
import io.creditflow.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The matching engine alone against generated data held in memory: the quick way to see matching quality per kind of
 * noise (the database run of {@code payments-bench} measures the same engine with real lookups and throughput).
 */
public final class InMemoryQualityRun {

    private InMemoryQualityRun() {
    }

    public static MatchQuality run(long seed, LocalDate today, int debtors, Matcher.Settings settings) {
        NoisyPayments generator = new NoisyPayments(seed, today);
        BenchData.Chunk data = generator.chunk(0, debtors);
        InMemoryCandidates candidates = new InMemoryCandidates();
        Map<String, UUID> debtorIds = new HashMap<>();
        for (BenchData.Debtor d : data.debtors()) {
            UUID id = UUID.nameUUIDFromBytes(d.externalId().getBytes());
            debtorIds.put(d.externalId(), id);
            candidates.addDebtor(id, d.name(), List.of(d.iban()));
        }
        Map<UUID, String> numbers = new HashMap<>();
        for (BenchData.Invoice i : data.invoices()) {
            UUID id = UUID.nameUUIDFromBytes(i.number().getBytes());
            numbers.put(id, i.number());
            candidates.addInvoice(new OpenItem(id, debtorIds.get(i.debtorExternalId()), i.number(), i.reference(),
                    "EUR", i.issueDate(), i.dueDate(), i.amount(), i.amount(), i.costs(), i.interest(), true));
        }
        Matcher matcher = new Matcher(candidates, settings);
        OpenAmounts open = new OpenAmounts();
        MatchQuality quality = new MatchQuality();
        List<BenchData.Payment> payments = data.payments();
        for (int from = 0; from < payments.size(); from += 500) {
            List<BenchData.Payment> chunk = payments.subList(from, Math.min(payments.size(), from + 500));
            List<MatchOutcome> outcomes = matcher.match(chunk.stream().map(InMemoryQualityRun::item).toList(), open);
            for (int i = 0; i < chunk.size(); i++) {
                record(quality, chunk.get(i), outcomes.get(i), settings.autoApplyThreshold(), numbers);
            }
        }
        return quality;
    }

    static PaymentItem item(BenchData.Payment p) {
        return new PaymentItem(Money.of(p.amount(), Money.EUR), p.bookingDate(), p.endToEndId(),
                p.structuredReference(), p.remittance(), p.payerName(), p.payerIban());
    }

    static void record(MatchQuality quality, BenchData.Payment payment, MatchOutcome outcome, double threshold,
                       Map<UUID, String> numbers) {
        Proposal best = outcome.best();
        List<String> invoices = best == null ? List.of() : new ArrayList<>(best.invoiceIds().stream()
                .map(id -> numbers.getOrDefault(id, id.toString())).toList());
        boolean automatic = outcome.automatic(threshold);
        quality.record(payment.noise(), payment.truth(), automatic ? invoices : List.of(),
                automatic ? List.of() : invoices, automatic);
    }

    /** Default settings as a new tenant gets them. */
    public static Matcher.Settings defaults() {
        return new Matcher.Settings(0.95, new BigDecimal("1.00"));
    }
}
