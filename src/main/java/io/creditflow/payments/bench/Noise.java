package io.creditflow.payments.bench;

/**
 * The kinds of payment a credit desk sees on its statements, each with its share in the generated benchmark set
 * (shares chosen after Dutch B2B/B2C practice: most payers use the acceptgiro or e-invoice reference, a sizeable
 * minority types the invoice number, and the rest is what makes reconciliation work).
 */
public enum Noise {
    STRUCTURED_REFERENCE(0.33, "structured reference (betalingskenmerk) as issued"),
    REFERENCE_IN_TEXT(0.08, "reference typed in the description"),
    REFERENCE_TYPO(0.05, "reference with one typing error"),
    INVOICE_NUMBER(0.12, "invoice number in the description, spelt any way"),
    NUMBER_TYPO(0.05, "invoice number with one typing error"),
    NO_REFERENCE(0.08, "no reference: amount only"),
    COMBINED_LISTED(0.04, "one payment for several invoices, numbers listed"),
    COMBINED_UNLISTED(0.02, "one payment for several invoices, nothing listed"),
    PARTIAL(0.05, "partial payment"),
    INSTALMENTS(0.03, "several payments for one invoice"),
    OVERPAYMENT(0.02, "overpayment"),
    WITH_COSTS(0.03, "invoice with costs and interest"),
    THIRD_PARTY(0.03, "paid by a third party"),
    SAME_AMOUNT_REFERENCED(0.015, "same amount on several invoices, with reference"),
    SAME_AMOUNT_UNREFERENCED(0.015, "same amount on several invoices, no reference"),
    SMALL_DIFFERENCE(0.02, "a few cents short"),
    UNRELATED(0.03, "money that is not for an invoice");

    final double share;
    final String description;

    Noise(double share, String description) {
        this.share = share;
        this.description = description;
    }

    public String description() {
        return description;
    }
}
