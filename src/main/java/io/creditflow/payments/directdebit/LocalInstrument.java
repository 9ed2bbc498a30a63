package io.creditflow.payments.directdebit;

/** The SEPA direct debit scheme: CORE (consumers and businesses, refundable) or B2B (businesses, no refund right). */
public enum LocalInstrument {
    CORE,
    B2B
}
