package io.creditflow.dunning;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The debtors' score bands for step conditions ({@code scoreBands: [A, B]}). The scoring module implements it; until
 * then {@link #NO_SCORE} applies: every debtor is in band "NONE", so conditions naming bands match nobody except those
 * naming "NONE".
 */
public interface ScoreBandProvider {

    String NONE = "NONE";

    /** Bands of the given debtors in the current tenant; a debtor missing from the map has band NONE. */
    Map<UUID, String> bandsOf(Collection<UUID> debtorIds);

    ScoreBandProvider NO_SCORE = debtors -> Map.of();
}
