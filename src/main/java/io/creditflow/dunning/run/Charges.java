package io.creditflow.dunning.run;

import io.creditflow.shared.Proportions;
import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.LawCalculators;
import io.creditflow.law.Channel;
import io.creditflow.law.CostsCalculation;
import io.creditflow.law.CostsRequest;
import io.creditflow.law.DebtorType;
import io.creditflow.law.InterestCalculation;
import io.creditflow.law.InterestKind;
import io.creditflow.law.InterestPayment;
import io.creditflow.law.InterestRequest;
import io.creditflow.law.LetterDecision;
import io.creditflow.law.LetterFacts;
import io.creditflow.law.VatUplift;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntry;
import io.creditflow.receivables.LedgerEntryKind;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Charges collection costs and statutory interest through the ledger, computed by the law module.
 * <p>
 * Costs: for a consumer only when a 14-day letter covering the invoices was sent, is valid, and its term has expired
 * (assessed again now by {@code FourteenDayLetter} from the stored evidence); otherwise refused with the reason. The
 * amount is the scale on the summed principals still open, never more than the letter stated; it is split over the
 * invoices in proportion to their principal (the remainder cent to the largest). Never charged twice on an invoice.
 * <p>
 * Interest: statutory (consumer) or commercial (business) interest from the day after the due date to the run date,
 * with payments as the ledger dated them; what was charged before is deducted, so a daily charge never counts a day
 * twice.
 */
@Component
public class Charges {

    private final DSLContext dsl;
    private final Ledger ledger;
    private final LawCalculators law;

    Charges(DSLContext dsl, Ledger ledger, LawCalculators law) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.law = law;
    }

    /** Charges costs on these invoices of a debtor; returns what happened, in words. */
    public String chargeCosts(Facts.Debtor debtor, List<Facts.Invoice> invoices, DunningSettings s, LocalDate day,
                              String reference) {
        List<Facts.Invoice> open = invoices.stream().filter(i -> i.openPrincipal().signum() > 0
                && i.openCosts().signum() == 0 && "EUR".equals(i.currency()) && !costsCharged(i.id())).toList();
        if (open.isEmpty()) {
            return "costs: nothing to charge (already charged, paid, or not in euro)";
        }
        VatUplift uplift = s.outsourcedToVatChargingCollector() && s.creditorCannotDeductVat()
                ? VatUplift.claimedAtDutchStandardRate() : VatUplift.none();
        LocalDate latestDue = open.stream().map(Facts.Invoice::dueDate).max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal amount;
        if (debtor.consumer()) {
            LetterCheck check = letterCheck(open, s, day);
            if (!check.allowed()) {
                return "costs refused: " + check.reason();
            }
            BigDecimal now = law.costs().calculate(new CostsRequest(open.stream().map(Facts.Invoice::openPrincipal)
                    .toList(), "EUR", DebtorType.CONSUMER, latestDue.plusDays(1), uplift, null, null)).costs();
            amount = now.min(check.stated());
        } else {
            CostsCalculation c = law.costs().calculate(new CostsRequest(open.stream().map(Facts.Invoice::openPrincipal)
                    .toList(), "EUR", DebtorType.BUSINESS, latestDue.plusDays(1), uplift,
                    s.contractualPercentBusiness(), null));
            amount = c.costs();
        }
        List<BigDecimal> shares = Proportions.split(amount, open.stream().map(Facts.Invoice::openPrincipal).toList());
        for (int i = 0; i < open.size(); i++) {
            if (shares.get(i).signum() > 0) {
                ledger.post(open.get(i).id(), LedgerEntryKind.COST_CHARGED, BigDecimal.ZERO, shares.get(i),
                        BigDecimal.ZERO, day, reference, "collection costs (art. 6:96 BW) on the summed principal");
            }
        }
        return "costs charged: EUR " + amount.toPlainString() + " over " + open.size() + " invoice(s)";
    }

    private boolean costsCharged(UUID invoiceId) {
        return ledger.entries(invoiceId).stream().mapToInt(e -> e.kind() == LedgerEntryKind.COST_CHARGED ? 1
                : e.kind() == LedgerEntryKind.REVERSAL && e.costs().signum() < 0 ? -1 : 0).sum() > 0;
    }

    record LetterCheck(boolean allowed, String reason, BigDecimal stated) {
    }

    /** The latest sent 14-day letters covering these invoices, assessed by the law module on {@code day}. */
    private LetterCheck letterCheck(List<Facts.Invoice> invoices, DunningSettings s, LocalDate day) {
        List<UUID> ids = invoices.stream().map(Facts.Invoice::id).toList();
        List<Record> letters = dsl.resultQuery("""
                select l.* from dunning_letter l
                 where l.status = 'SENT' and l.id in (select letter_id from dunning_letter_invoice
                                                     where invoice_id = any({0}::uuid[]))
                 order by l.sent_at desc""", (Object) ids.toArray(UUID[]::new)).fetch();
        if (letters.isEmpty()) {
            return new LetterCheck(false, "no 14-day letter was sent for these invoices (art. 6:96 lid 6 BW)",
                    BigDecimal.ZERO);
        }
        Record latest = letters.getFirst();
        List<BigDecimal> principals = dsl.resultQuery("select principal from dunning_letter_invoice where letter_id = {0}",
                latest.get("id", UUID.class)).fetch(r -> r.get(0, BigDecimal.class));
        VatUplift uplift = latest.get("vat_declared", Boolean.class) ? VatUplift.claimedAtDutchStandardRate()
                : VatUplift.none();
        LocalDate latestDue = latest.get("latest_due_date", LocalDate.class);
        LetterFacts facts = LetterFacts.of(new CostsRequest(principals, "EUR", DebtorType.CONSUMER,
                        latestDue.plusDays(1), uplift, null, null), latestDue,
                latest.get("sent_at", OffsetDateTime.class).toInstant(),
                "POST".equals(latest.get("channel", String.class)) ? Channel.POST : Channel.EMAIL,
                latest.get("stated_costs", BigDecimal.class));
        LetterDecision decision = law.letter(s).assess(facts, day);
        if (!decision.costsMayBeCharged()) {
            return new LetterCheck(false, String.join("; ", decision.reasons()), BigDecimal.ZERO);
        }
        return new LetterCheck(true, "", latest.get("stated_costs", BigDecimal.class));
    }


    /** Charges the interest accrued until {@code day} and not charged before; returns the amount (0 when none). */
    public BigDecimal chargeInterest(Facts.Debtor debtor, Facts.Invoice invoice, LocalDate day, String reference) {
        LocalDate from = invoice.dueDate().plusDays(1);
        if (!day.isAfter(from) || !"EUR".equals(invoice.currency())) {
            return BigDecimal.ZERO;
        }
        List<LedgerEntry> entries = ledger.entries(invoice.id());
        BigDecimal base = BigDecimal.ZERO.setScale(2);
        List<InterestPayment> payments = new ArrayList<>();
        BigDecimal charged = BigDecimal.ZERO;
        for (LedgerEntry e : entries) {
            if (e.kind() == LedgerEntryKind.INTEREST_CHARGED || (e.kind() == LedgerEntryKind.REVERSAL
                    && e.interest().signum() != 0)) {
                charged = charged.add(e.interest());
            } else if (e.valueDate().isBefore(from)) {
                base = base.add(e.principal());
            } else if (e.total().signum() < 0 && !e.valueDate().isAfter(day) && e.kind() != LedgerEntryKind.COST_CHARGED) {
                payments.add(new InterestPayment(e.valueDate(), e.total().negate()));
            }
        }
        if (base.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        InterestKind kind = debtor.consumer() ? InterestKind.CONSUMER : InterestKind.COMMERCIAL;
        InterestCalculation calc = law.interest().calculate(new InterestRequest(base, from, day, kind, payments,
                BigDecimal.ZERO));
        BigDecimal delta = calc.interest().subtract(charged);
        if (delta.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        ledger.post(invoice.id(), LedgerEntryKind.INTEREST_CHARGED, BigDecimal.ZERO, BigDecimal.ZERO, delta, day,
                reference, (kind == InterestKind.CONSUMER ? "statutory interest (art. 6:119 BW)"
                        : "statutory commercial interest (art. 6:119a BW)") + " until " + day);
        return delta;
    }
}
