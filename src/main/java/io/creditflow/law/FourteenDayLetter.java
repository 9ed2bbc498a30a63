package io.creditflow.law;

import io.creditflow.law.LetterDecision.Defect;
import io.creditflow.law.LetterDecision.Evidence;
import io.creditflow.law.LetterDecision.Finding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 14-day letter (art. 6:96 lid 6 BW): a consumer owes collection costs only after a letter that is sent after
 * default, gives at least 14 days counted from the day after the debtor receives it (HR 25 November 2016,
 * ECLI:NL:HR:2016:2704), states the exact cost amount (and the VAT declaration when VAT is added) and costs nothing
 * itself, and only once that term has expired unpaid. Business debtors need no letter.
 * <p>
 * The creditor must prove receipt, so the decision carries the evidence: the day of sending, the assumed delivery
 * with the rule that gave it, and the deadline computed from delivery, never from the letter date.
 */
public final class FourteenDayLetter {

    private final LetterRules rules;
    private final CollectionCosts collectionCosts;

    public FourteenDayLetter(LetterRules rules, CollectionCosts collectionCosts) {
        this.rules = Checks.present("rules", rules);
        this.collectionCosts = Checks.present("collectionCosts", collectionCosts);
    }

    public static FourteenDayLetter dutch() {
        return new FourteenDayLetter(LetterRules.dutch(), CollectionCosts.dutch());
    }

    /** The term wording for templates: "binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd". */
    public static String safeTermSentence(LetterLanguage language) {
        return Checks.present("language", language).safeTermSentence();
    }

    public LetterRules rules() {
        return rules;
    }

    public LocalDate assumedDelivery(Instant sentAt, Channel channel) {
        return rules.delivery(channel).assumedDelivery(LocalDate.ofInstant(Checks.present("sentAt", sentAt), rules.zone()));
    }

    /** The last day of the statutory term: 14 days from the day after delivery, extended when configured. */
    public LocalDate statutoryDeadline(LocalDate deliveredOn) {
        return rules.extended(Checks.present("deliveredOn", deliveredOn).plusDays(rules.termDays()));
    }

    /** Whether costs may be charged on {@code on} on the strength of {@code letter}, with evidence and reasons. */
    public LetterDecision assess(LetterFacts letter, LocalDate on) {
        Checks.present("letter", letter);
        Checks.present("on", on);
        CostsCalculation costs = collectionCosts.calculate(letter.claims());
        LocalDate sentOn = LocalDate.ofInstant(letter.sentAt(), rules.zone());
        LocalDate delivered = assumedDelivery(letter.sentAt(), letter.channel());
        LocalDate statutory = statutoryDeadline(delivered);
        if (letter.claims().debtorType() == DebtorType.BUSINESS) {
            return business(letter, on, costs, new Evidence(letter.sentAt(), letter.channel(), sentOn, delivered,
                    rules.delivery(letter.channel()).describe(), statutory, statutory));
        }
        List<Finding> defects = new ArrayList<>();
        if (!sentOn.isAfter(letter.latestDueDate())) {
            defects.add(new Finding(Defect.SENT_BEFORE_DEFAULT, "sent on " + sentOn + ", but the debtor is in default"
                    + " only from " + letter.latestDueDate().plusDays(1) + ", the day after the latest due date"));
        }
        LocalDate deadline = checkTerm(letter.statedTerm(), delivered, statutory, defects);
        checkCosts(letter, costs, defects);
        if (letter.feeCharged().signum() > 0) {
            defects.add(new Finding(Defect.NOT_FREE_OF_CHARGE, "the letter charges " + Checks.eur(letter.feeCharged())
                    + " for itself; it must be free of charge and no other fees may be added"));
        }
        Evidence evidence = new Evidence(letter.sentAt(), letter.channel(), sentOn, delivered,
                rules.delivery(letter.channel()).describe(), statutory, deadline);
        return consumer(on, costs, evidence, defects);
    }

    /** Checks the worded term against the statutory one; returns the last day to pay without costs. */
    private LocalDate checkTerm(StatedTerm term, LocalDate delivered, LocalDate statutory, List<Finding> defects) {
        LocalDate stated = switch (term) {
            case StatedTerm.FromDayAfterDelivery relative -> {
                if (relative.days() < rules.termDays()) {
                    defects.add(new Finding(Defect.TERM_TOO_SHORT, "the letter gives " + relative.days()
                            + " days from the day after delivery; the law requires " + rules.termDays()));
                }
                yield rules.extended(delivered.plusDays(relative.days()));
            }
            case StatedTerm.FromLetterDate fromLetter -> {
                // "within 14 days of the letter date" fails even when e-mail arrives that day (domain file, HR
                // 2016): the wording itself misstates the term. A longer term from the letter date can still suffice.
                LocalDate last = fromLetter.letterDate().plusDays(fromLetter.days());
                if (fromLetter.days() <= rules.termDays() || last.isBefore(statutory)) {
                    defects.add(new Finding(Defect.TERM_COUNTED_FROM_LETTER_DATE, "counted from the letter date "
                            + fromLetter.letterDate() + " the term ends on " + last + ", before " + statutory + ", "
                            + rules.termDays() + " days from the day after delivery on " + delivered
                            + " (HR 2016:2704)"));
                }
                yield last;
            }
            case StatedTerm.UntilDate until -> {
                if (until.lastDay().isBefore(statutory)) {
                    defects.add(new Finding(Defect.TERM_TOO_SHORT, "the letter asks payment by " + until.lastDay()
                            + ", before " + statutory + ", " + rules.termDays()
                            + " days from the day after delivery on " + delivered));
                }
                yield until.lastDay();
            }
        };
        return stated.isAfter(statutory) ? stated : statutory;
    }

    private void checkCosts(LetterFacts letter, CostsCalculation costs, List<Finding> defects) {
        BigDecimal stated = letter.statedCosts();
        if (stated == null) {
            defects.add(new Finding(Defect.COSTS_NOT_STATED, "the letter must state the collection costs that"
                    + " will be owed if it is not paid: " + Checks.eur(costs.costs())));
            return;
        }
        if (stated.compareTo(costs.costs()) == 0) {
            return;
        }
        VatUplift uplift = letter.claims().vatUplift();
        if (!uplift.applies() && uplift.appliesOnceDeclared() && stated.compareTo(collectionCosts.calculate(
                letter.claims().withVatUplift(new VatUplift(true, true, true, uplift.vatPercent()))).costs()) == 0) {
            defects.add(new Finding(Defect.VAT_DECLARATION_MISSING, "the stated " + Checks.eur(stated)
                    + " includes VAT, but the letter does not declare it; without the declaration the costs are "
                    + Checks.eur(costs.costs())));
            return;
        }
        defects.add(new Finding(Defect.COSTS_WRONG, "the letter states " + Checks.eur(stated)
                + "; the costs on the summed principal of " + Checks.eur(costs.principal()) + " are "
                + Checks.eur(costs.costs())));
    }

    private static LetterDecision consumer(LocalDate on, CostsCalculation costs, Evidence evidence,
                                           List<Finding> defects) {
        List<String> reasons = new ArrayList<>();
        if (!defects.isEmpty()) {
            reasons.add("no collection costs may be charged on this letter; a new, correct letter may be sent");
            defects.forEach(defect -> reasons.add(defect.explanation()));
            return new LetterDecision(true, false, on, false, null, costs, evidence, defects, reasons);
        }
        LocalDate chargeableFrom = evidence.deadline().plusDays(1);
        boolean mayCharge = !on.isBefore(chargeableFrom);
        reasons.add("assumed delivered on " + evidence.assumedDelivery() + " (" + evidence.deliveryRule()
                + "); the term runs until " + evidence.deadline());
        reasons.add(mayCharge
                ? "the term has expired: " + Checks.eur(costs.costs()) + " may be charged if the claims are unpaid"
                : "the term is still running: " + Checks.eur(costs.costs()) + " may be charged from " + chargeableFrom
                + " if the claims are still unpaid then");
        return new LetterDecision(true, true, on, mayCharge, chargeableFrom, costs, evidence, List.of(), reasons);
    }

    private static LetterDecision business(LetterFacts letter, LocalDate on, CostsCalculation costs,
                                           Evidence evidence) {
        LocalDate from = letter.latestDueDate().plusDays(1);
        List<String> reasons = List.of("business debtor: no 14-day letter is needed (art. 6:96 lid 4 BW); "
                + Checks.eur(costs.owedWithoutReminder()) + " is owed from " + from + " without a reminder, the scale"
                + " amount of " + Checks.eur(costs.costs()) + " as default law");
        return new LetterDecision(false, true, on, !on.isBefore(from), from, costs, evidence, List.of(), reasons);
    }
}
