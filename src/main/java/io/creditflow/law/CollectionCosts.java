package io.creditflow.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Extrajudicial collection costs under art. 6:96 BW and the BIK scale. Computes the amount that may be claimed on
 * the summed principals of one debtor; whether it is owed yet is a separate question ({@link FourteenDayLetter} for
 * consumers, the day after the due date for businesses).
 * <p>
 * Rounding: the bracket lines are kept exact and only their sum is rounded half-up to cents, once, so the result
 * equals the decree's formula; the contractual percentage and the VAT uplift are each rounded half-up to cents.
 */
public final class CollectionCosts {

    private final CostScales scales;
    private final RecurringClaimsCap recurringClaimsCap;

    public CollectionCosts(CostScales scales, RecurringClaimsCap recurringClaimsCap) {
        this.scales = Checks.present("scales", scales);
        this.recurringClaimsCap = Checks.present("recurringClaimsCap", recurringClaimsCap);
    }

    /** The Dutch rules as the domain file states them. */
    public static CollectionCosts dutch() {
        return new CollectionCosts(CostScales.dutch(), RecurringClaimsCap.DUTCH_2024);
    }

    public CostsCalculation calculate(CostsRequest request) {
        Checks.present("request", request);
        CostScale scale = scales.scaleOn("inDefaultSince", request.inDefaultSince());
        BigDecimal principal = request.totalPrincipal();
        List<CostScale.BracketLine> lines = scale.lines(principal);
        BigDecimal scaleAmount = Checks.cents(lines.stream()
                .map(CostScale.BracketLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));

        List<CostsCalculation.Adjustment> adjustments = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal amount = request.contractualPercent() == null
                ? withinMinimumAndMaximum(scale, scaleAmount, adjustments)
                : contractual(request, scale, scaleAmount, adjustments, notes);
        amount = capRecurringTerms(request, amount, adjustments, notes);
        BigDecimal vat = vatUplift(request.vatUplift(), amount, adjustments, notes);

        boolean consumer = request.debtorType() == DebtorType.CONSUMER;
        BigDecimal minimumWithVat = scale.minimum().add(upliftOn(request.vatUplift(), scale.minimum()));
        if (consumer) {
            notes.add("consumer: owed only after a valid 14-day letter has expired unpaid (art. 6:96 lid 6 BW)");
        } else {
            notes.add("business: " + Checks.eur(minimumWithVat) + " is owed from " + request.inDefaultSince()
                    + " without a reminder (art. 6:96 lid 4 BW); beyond that the scale is default law");
        }
        return new CostsCalculation(principal, request.debtorType(), scale.version(), lines, scaleAmount,
                adjustments, amount, vat, amount.add(vat), consumer,
                consumer ? null : request.inDefaultSince(),
                consumer ? BigDecimal.ZERO.setScale(2) : minimumWithVat.min(amount.add(vat)), notes);
    }

    private static BigDecimal withinMinimumAndMaximum(CostScale scale, BigDecimal scaleAmount,
                                                      List<CostsCalculation.Adjustment> adjustments) {
        if (scaleAmount.compareTo(scale.minimum()) < 0) {
            adjustments.add(new CostsCalculation.Adjustment(CostsCalculation.Kind.MINIMUM, scaleAmount,
                    scale.minimum(), "the scale yields at least " + Checks.eur(scale.minimum())));
            return scale.minimum();
        }
        if (scaleAmount.compareTo(scale.maximum()) > 0) {
            adjustments.add(new CostsCalculation.Adjustment(CostsCalculation.Kind.MAXIMUM, scaleAmount,
                    scale.maximum(), "the scale yields at most " + Checks.eur(scale.maximum())));
            return scale.maximum();
        }
        return scaleAmount;
    }

    /** A business may agree a percentage instead of the scale; the statutory minimum still holds (6:96 lid 4). */
    private static BigDecimal contractual(CostsRequest request, CostScale scale, BigDecimal scaleAmount,
                                          List<CostsCalculation.Adjustment> adjustments, List<String> notes) {
        BigDecimal percent = Checks.present("contractualPercent", request.contractualPercent());
        BigDecimal agreed = Checks.cents(request.totalPrincipal().multiply(percent).divide(Checks.HUNDRED));
        BigDecimal amount = agreed.max(scale.minimum());
        adjustments.add(new CostsCalculation.Adjustment(CostsCalculation.Kind.CONTRACTUAL_PERCENTAGE, scaleAmount,
                amount, "agreed " + percent.stripTrailingZeros().toPlainString() + " % of the principal"
                + (agreed.compareTo(amount) < 0 ? ", raised to the statutory minimum " + Checks.eur(amount) : "")));
        notes.add("a court may reduce a contractual percentage to the scale: " + Checks.eur(
                scaleAmount.max(scale.minimum()).min(scale.maximum())));
        return amount;
    }

    private BigDecimal capRecurringTerms(CostsRequest request, BigDecimal amount,
                                         List<CostsCalculation.Adjustment> adjustments, List<String> notes) {
        RecurringTerms recurring = request.recurringTerms();
        if (recurring == null) {
            return amount;
        }
        if (!recurringClaimsCap.appliesTo(request)) {
            notes.add("recurring-claims cap not applied: it covers " + (recurringClaimsCap.appliesToBusiness()
                    ? "" : "consumers' ") + "terms below " + Checks.eur(recurringClaimsCap.termThreshold())
                    + " in default from " + recurringClaimsCap.effectiveFrom());
            return amount;
        }
        BigDecimal room = recurringClaimsCap.capPerWindow().subtract(recurring.costsChargedInWindow())
                .max(BigDecimal.ZERO);
        if (amount.compareTo(room) <= 0) {
            return amount;
        }
        adjustments.add(new CostsCalculation.Adjustment(CostsCalculation.Kind.RECURRING_CLAIMS_CAP, amount, room,
                "at most " + Checks.eur(recurringClaimsCap.capPerWindow()) + " per " + recurringClaimsCap.window()
                + " for recurring terms; " + Checks.eur(recurring.costsChargedInWindow()) + " already charged since "
                + recurringClaimsCap.windowStart(request.inDefaultSince())
                + (recurringClaimsCap.uncertain() ? " (rule UNCERTAIN in detail)" : "")));
        return room;
    }

    private static BigDecimal vatUplift(VatUplift uplift, BigDecimal amount,
                                        List<CostsCalculation.Adjustment> adjustments, List<String> notes) {
        if (!uplift.applies()) {
            if (uplift.outsourcedToVatChargingCollector() || uplift.creditorCannotDeductVat()
                    || uplift.letterDeclaresVat()) {
                notes.add("VAT uplift not applied: " + String.join("; ", uplift.missingConditions()));
            }
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal vat = upliftOn(uplift, amount);
        adjustments.add(new CostsCalculation.Adjustment(CostsCalculation.Kind.VAT_UPLIFT, amount, amount.add(vat),
                uplift.vatPercent().stripTrailingZeros().toPlainString()
                        + " % VAT: outsourced to a collector charging VAT the creditor cannot deduct, declared in the letter"));
        return vat;
    }

    private static BigDecimal upliftOn(VatUplift uplift, BigDecimal amount) {
        return uplift.applies()
                ? Checks.cents(amount.multiply(uplift.vatPercent()).divide(Checks.HUNDRED))
                : BigDecimal.ZERO.setScale(2);
    }
}
