package io.creditflow.acceptance;

/** The answer of a credit check. Severity grows from ACCEPT to REJECT; several rules combine to the most severe. */
public enum Decision {
    ACCEPT, REFER, REJECT;

    public Decision atLeast(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
