package io.creditflow.payments.directdebit;

/**
 * Where a collection stands in its mandate's life. Banks process each in its own payment information block, which is
 * why the writer groups by it: a first collection has a longer lead time under older rulebooks.
 */
public enum SequenceType {
    /** First collection under a recurrent mandate. */
    FRST,
    /** A later collection under a recurrent mandate. */
    RCUR,
    /** One-off mandate: this is its only collection. */
    OOFF,
    /** Last collection under a recurrent mandate. */
    FNAL
}
