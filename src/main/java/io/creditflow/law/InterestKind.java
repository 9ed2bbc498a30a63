package io.creditflow.law;

/** Which statutory interest runs: it depends on the transaction, not on who pays late. */
public enum InterestKind {

    /** Wettelijke rente, art. 6:119 BW: consumer and other non-commercial claims, from default. */
    CONSUMER,

    /** Wettelijke handelsrente, art. 6:119a BW: commercial transactions, from the day after the due date. */
    COMMERCIAL
}
