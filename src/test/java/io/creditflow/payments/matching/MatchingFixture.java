package io.creditflow.payments.matching;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A small ledger in memory for matching tests: debtors with accounts and names, invoices with references. */
final class MatchingFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    final InMemoryCandidates candidates = new InMemoryCandidates();
    final OpenAmounts open = new OpenAmounts();
    private long reference = 1000;

    UUID debtor(String name, String... ibans) {
        UUID id = UUID.randomUUID();
        candidates.addDebtor(id, name, List.of(ibans));
        return id;
    }

    OpenItem invoice(UUID debtor, String number, String amount) {
        return invoice(debtor, number, amount, "0.00", "0.00", TODAY.minusDays(20));
    }

    OpenItem invoice(UUID debtor, String number, String amount, String costs, String interest, LocalDate due) {
        String ref = Betalingskenmerk.generate(reference++).value();
        OpenItem item = new OpenItem(UUID.randomUUID(), debtor, number, ref, "EUR", due.minusDays(14), due,
                new BigDecimal(amount), new BigDecimal(amount), new BigDecimal(costs), new BigDecimal(interest), true);
        candidates.addInvoice(item);
        return item;
    }

    OpenItem paidInvoice(UUID debtor, String number, String amount) {
        String ref = Betalingskenmerk.generate(reference++).value();
        OpenItem item = new OpenItem(UUID.randomUUID(), debtor, number, ref, "EUR", TODAY.minusDays(40),
                TODAY.minusDays(26), new BigDecimal(amount), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), false);
        candidates.addInvoice(item);
        return item;
    }

    static PaymentItem payment(String amount, @Nullable String structured, @Nullable String text,
                               @Nullable String name, @Nullable String iban) {
        return new PaymentItem(Money.euros(amount), TODAY, null, structured, text, name, iban);
    }

    MatchOutcome match(PaymentItem item) {
        return match(List.of(item)).getFirst();
    }

    List<MatchOutcome> match(List<PaymentItem> items) {
        return new Matcher(candidates, new Matcher.Settings(0.95, new BigDecimal("1.00"))).match(items, open);
    }

    static List<String> codes(Proposal proposal) {
        return proposal.reasons().stream().map(Reason::code).toList();
    }
}
