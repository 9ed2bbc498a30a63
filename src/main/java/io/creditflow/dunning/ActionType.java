package io.creditflow.dunning;

/** What a step does. */
public enum ActionType {
    /** An e-mail (one per debtor per day, listing every invoice at a step that day). */
    EMAIL,
    /** An SMS. */
    SMS,
    /** A letter by post, printed in the daily print batch. */
    LETTER,
    /** A task on the collectors' call list. */
    CALL_TASK,
    /** A signed POST to the tenant's webhook endpoint. */
    WEBHOOK,
    /** Asks the collection module to open an amicable collection case ({@link CollectionCaseRequested}). */
    COLLECTION_CASE,
    /** Charges the collection costs through the ledger; refused for consumers without a valid, expired 14-day letter. */
    CHARGE_COSTS,
    /** Charges the statutory interest accrued so far through the ledger. */
    CHARGE_INTEREST;

    public boolean isMessage() {
        return this == EMAIL || this == SMS || this == LETTER;
    }
}
