package io.creditflow.law;

/**
 * Who owes: the law protects consumers more (the collection-cost scale is a binding maximum and costs need a valid
 * 14-day letter) than businesses (costs of at least EUR 40 are owed without a reminder).
 */
public enum DebtorType {

    /** A natural person not acting in the course of a profession or business. */
    CONSUMER,

    /** Anyone acting in the course of a profession or business, sole traders included. */
    BUSINESS
}
