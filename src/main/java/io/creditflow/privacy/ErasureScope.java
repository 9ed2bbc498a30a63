package io.creditflow.privacy;

import java.util.List;

/**
 * How far an erasure may go. With active legal holds (an open collection case) the data the claim needs stays, in
 * minimised form, until the last hold is released; without, everything goes that no retention law keeps.
 */
public record ErasureScope(List<LegalHolds.Hold> holds) {

    public ErasureScope {
        holds = List.copyOf(holds);
    }

    public boolean legalHold() {
        return !holds.isEmpty();
    }

    public static final ErasureScope FULL = new ErasureScope(List.of());
}
