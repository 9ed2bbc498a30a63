package io.creditflow.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts that decide whether VAT may be added to the collection costs. All three must hold: the creditor
 * outsourced collection to a third party that charges it VAT, the creditor cannot deduct that VAT, and the letter
 * says so explicitly. They are explicit inputs because only the creditor knows them; the uplift then applies to the
 * EUR 40 minimum too.
 *
 * @param outsourcedToVatChargingCollector a third party collects and charges the creditor VAT
 * @param creditorCannotDeductVat          the creditor cannot reclaim that VAT (e.g. VAT-exempt care providers)
 * @param letterDeclaresVat                the letter states that VAT is claimed and why
 * @param vatPercent                       the VAT rate to add (data: {@link #DUTCH_STANDARD_VAT_PERCENT} today)
 */
public record VatUplift(boolean outsourcedToVatChargingCollector, boolean creditorCannotDeductVat,
                        boolean letterDeclaresVat, BigDecimal vatPercent) {

    /** The Dutch standard rate since 2012-10-01; a value to pass in, never read by the logic itself. */
    public static final BigDecimal DUTCH_STANDARD_VAT_PERCENT = new BigDecimal("21");

    public VatUplift {
        vatPercent = Checks.percent("vatPercent", vatPercent);
    }

    /** No VAT claimed: the usual case. */
    public static VatUplift none() {
        return new VatUplift(false, false, false, DUTCH_STANDARD_VAT_PERCENT);
    }

    /** All three conditions hold at the Dutch standard rate. */
    public static VatUplift claimedAtDutchStandardRate() {
        return new VatUplift(true, true, true, DUTCH_STANDARD_VAT_PERCENT);
    }

    public boolean applies() {
        return outsourcedToVatChargingCollector && creditorCannotDeductVat && letterDeclaresVat;
    }

    /** Whether the uplift would apply if only the letter declared it: the letter check uses it to name the defect. */
    boolean appliesOnceDeclared() {
        return outsourcedToVatChargingCollector && creditorCannotDeductVat;
    }

    /** Why the uplift does not apply, one reason per failing condition; empty when it applies. */
    List<String> missingConditions() {
        List<String> missing = new ArrayList<>();
        if (!outsourcedToVatChargingCollector) {
            missing.add("collection is not outsourced to a third party that charges VAT");
        }
        if (!creditorCannotDeductVat) {
            missing.add("the creditor can deduct the VAT");
        }
        if (!letterDeclaresVat) {
            missing.add("the letter does not declare the VAT");
        }
        return missing;
    }
}
