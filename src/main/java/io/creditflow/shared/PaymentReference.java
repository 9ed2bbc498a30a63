package io.creditflow.shared;

/**
 * What a payer quotes so the payment can be matched to the receivable: a Dutch betalingskenmerk, an ISO 11649 RF
 * creditor reference, or free text. Structured references carry a check digit, so a match on one is certain.
 */
public sealed interface PaymentReference permits Betalingskenmerk, RfCreditorReference, FreeTextReference {

    /** The reference in its canonical form (no spaces for structured ones). */
    String value();

    /** True for references with a check digit that a bank can pass on as structured remittance information. */
    boolean structured();

    /**
     * Recognises a structured reference when the text is one (an RF reference, or digits that form a valid
     * betalingskenmerk, spaces and dots allowed), and otherwise keeps it as free text. Note that any seven digits are
     * a valid betalingskenmerk: that length has no check digit.
     */
    static PaymentReference parse(String text) {
        String compact = text.strip();
        if (compact.regionMatches(true, 0, "RF", 0, 2) && RfCreditorReference.isValid(compact)) {
            return RfCreditorReference.parse(compact);
        }
        if (!compact.isEmpty() && compact.chars().allMatch(c -> c >= '0' && c <= '9' || c == ' ' || c == '.')
                && Betalingskenmerk.isValid(compact)) {
            return Betalingskenmerk.parse(compact);
        }
        return new FreeTextReference(text);
    }
}
