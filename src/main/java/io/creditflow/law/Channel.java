package io.creditflow.law;

/** How a letter reached the debtor; it decides the assumed delivery date. */
public enum Channel {
    EMAIL, POST
}
