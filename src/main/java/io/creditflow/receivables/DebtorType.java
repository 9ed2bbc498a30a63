package io.creditflow.receivables;

/** A consumer (natural person, not acting for a business: the 14-day letter applies) or a business. */
public enum DebtorType { CONSUMER, BUSINESS }
