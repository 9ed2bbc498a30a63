package io.creditflow.payments.matching;

/**
 * How an invoice was named by a payment, with the weight of that evidence in log-odds: how much more likely the
 * payment is for that invoice having seen it. The weights were set so that the generated benchmark's automatically
 * applied matches stay above 99.5 % correct (docs/benchmarks.md, "Payments").
 */
enum Evidence {
    /** Our own end-to-end id (a direct-debit collection): issued by us, returned by the bank verbatim. */
    END_TO_END(7.0, "endToEnd"),
    /** The structured reference field holds the invoice's payment reference, check digit and all. */
    REFERENCE(6.5, "reference"),
    /** The invoice's payment reference, check digit valid, typed in the description. */
    REFERENCE_IN_TEXT(6.0, "referenceInText"),
    /** A reference with a failing check digit, one typing error away from the invoice's reference. */
    REFERENCE_CORRECTED(4.0, "referenceCorrected"),
    /** The invoice number, letters and digits, in the description. */
    NUMBER(5.5, "number"),
    /** The digits of the invoice number in the description (the payer left out the prefix). */
    NUMBER_DIGITS(5.0, "numberDigits"),
    /** One typing error away from the digits of the invoice number. */
    NUMBER_FUZZY(3.5, "numberFuzzy");

    final double weight;
    final String reason;

    Evidence(double weight, String reason) {
        this.weight = weight;
        this.reason = reason;
    }
}
