package io.creditflow.collection;

import io.creditflow.shared.Proportions;
import io.creditflow.dunning.DunningHistory;
import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.LawCalculators;
import io.creditflow.law.CostsRequest;
import io.creditflow.law.DebtorType;
import io.creditflow.law.InterestKind;
import io.creditflow.law.InterestPayment;
import io.creditflow.law.InterestRequest;
import io.creditflow.law.VatUplift;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntry;
import io.creditflow.receivables.LedgerEntryKind;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A case's costs and interest, computed by the law module and booked on the ledger.
 * <p>
 * Costs (art. 6:96 BW) on the summed open principals of the case's invoices that bear no costs yet. A consumer owes
 * them only for invoices covered by a 14-day letter that was sent, judged valid when sent, and whose term has expired
 * (dunning's evidence); invoices without one are left out and the case page says why; the amount never exceeds what
 * the letters stated. A business owes them without a letter (at the tenant's contractual percentage when set).
 * Interest: statutory (consumer) or commercial (business) from the day after the due date, less what was charged
 * before, so a day is never charged twice.
 */
@Component
class CaseCharges {

    private final Ledger ledger;
    private final LawCalculators law;
    private final DunningHistory history;

    CaseCharges(Ledger ledger, LawCalculators law, DunningHistory history) {
        this.ledger = ledger;
        this.law = law;
        this.history = history;
    }

    record Result(BigDecimal amount, String note) {
    }

    Result chargeCosts(List<Invoice> invoices, boolean consumer, DunningSettings s, LocalDate day, String reference) {
        List<Invoice> open = invoices.stream().filter(i -> i.openPrincipal().signum() > 0 && "EUR".equals(i.currency())
                && i.dueDate().isBefore(day) && net(i.id(), LedgerEntryKind.COST_CHARGED) == 0).toList();
        if (open.isEmpty()) {
            return new Result(BigDecimal.ZERO, "costs: nothing to charge (charged before, paid or not in euro)");
        }
        List<Invoice> base = open;
        BigDecimal cap = null;
        String note = "";
        if (consumer) {
            Set<UUID> letters = new LinkedHashSet<>();
            BigDecimal stated = BigDecimal.ZERO;
            List<Invoice> covered = new ArrayList<>();
            for (Invoice i : open) {
                var letter = history.lettersOfInvoice(i.id()).stream().filter(l -> "SENT".equals(l.status())
                        && Boolean.TRUE.equals(l.valid()) && l.deadline() != null && l.deadline().isBefore(day))
                        .findFirst();
                if (letter.isPresent()) {
                    covered.add(i);
                    if (letters.add(letter.get().id())) {
                        stated = stated.add(letter.get().statedCosts());
                    }
                }
            }
            if (covered.isEmpty()) {
                return new Result(BigDecimal.ZERO, "costs refused: no valid 14-day letter with an expired term covers "
                        + "these invoices (art. 6:96 lid 6 BW)");
            }
            if (covered.size() < open.size()) {
                note = "; " + (open.size() - covered.size()) + " invoice(s) without an expired 14-day letter left out";
            }
            base = covered;
            cap = stated;
        }
        LocalDate latestDue = base.stream().map(Invoice::dueDate).max(Comparator.naturalOrder()).orElseThrow();
        VatUplift uplift = s.outsourcedToVatChargingCollector() && s.creditorCannotDeductVat()
                ? VatUplift.claimedAtDutchStandardRate() : VatUplift.none();
        BigDecimal amount = law.costs().calculate(new CostsRequest(base.stream().map(Invoice::openPrincipal).toList(),
                "EUR", consumer ? DebtorType.CONSUMER : DebtorType.BUSINESS, latestDue.plusDays(1), uplift,
                consumer ? null : s.contractualPercentBusiness(), null)).costs();
        if (cap != null) {
            amount = amount.min(cap);
        }
        List<BigDecimal> shares = Proportions.split(amount, base.stream().map(Invoice::openPrincipal).toList());
        for (int i = 0; i < base.size(); i++) {
            if (shares.get(i).signum() > 0) {
                ledger.post(base.get(i).id(), LedgerEntryKind.COST_CHARGED, BigDecimal.ZERO, shares.get(i),
                        BigDecimal.ZERO, day, reference, "collection costs (art. 6:96 BW), collection case");
            }
        }
        return new Result(amount, "costs charged: EUR " + amount.toPlainString() + " over " + base.size()
                + " invoice(s)" + note);
    }

    /** Interest accrued until {@code day} and not charged before, on each invoice; returns the total. */
    BigDecimal chargeInterest(List<Invoice> invoices, boolean consumer, LocalDate day, String reference) {
        BigDecimal total = BigDecimal.ZERO;
        for (Invoice i : invoices) {
            total = total.add(interestOf(i, consumer, day, reference));
        }
        return total;
    }

    private BigDecimal interestOf(Invoice invoice, boolean consumer, LocalDate day, String reference) {
        LocalDate from = invoice.dueDate().plusDays(1);
        if (!day.isAfter(from) || !"EUR".equals(invoice.currency()) || invoice.openAmount().signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal base = BigDecimal.ZERO.setScale(2);
        BigDecimal charged = BigDecimal.ZERO;
        List<InterestPayment> payments = new ArrayList<>();
        for (LedgerEntry e : ledger.entries(invoice.id())) {
            if (e.kind() == LedgerEntryKind.INTEREST_CHARGED
                    || (e.kind() == LedgerEntryKind.REVERSAL && e.interest().signum() != 0)) {
                charged = charged.add(e.interest());
            } else if (e.valueDate().isBefore(from)) {
                base = base.add(e.principal());
            } else if (e.total().signum() < 0 && !e.valueDate().isAfter(day)
                    && e.kind() != LedgerEntryKind.COST_CHARGED) {
                payments.add(new InterestPayment(e.valueDate(), e.total().negate()));
            }
        }
        if (base.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        InterestKind kind = consumer ? InterestKind.CONSUMER : InterestKind.COMMERCIAL;
        BigDecimal delta = law.interest().calculate(new InterestRequest(base, from, day, kind, payments,
                BigDecimal.ZERO)).interest().subtract(charged);
        if (delta.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        ledger.post(invoice.id(), LedgerEntryKind.INTEREST_CHARGED, BigDecimal.ZERO, BigDecimal.ZERO, delta, day,
                reference, (consumer ? "statutory interest (art. 6:119 BW)"
                        : "statutory commercial interest (art. 6:119a BW)") + " until " + day + ", collection case");
        return delta;
    }

    /** Net count of entries of a kind (a reversal of costs cancels a charge). */
    private int net(UUID invoiceId, LedgerEntryKind kind) {
        return ledger.entries(invoiceId).stream().mapToInt(e -> e.kind() == kind ? 1
                : e.kind() == LedgerEntryKind.REVERSAL && e.costs().signum() < 0 ? -1 : 0).sum();
    }

}
