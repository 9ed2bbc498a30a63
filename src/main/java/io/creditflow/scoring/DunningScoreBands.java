package io.creditflow.scoring;

import io.creditflow.dunning.ScoreBandProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Score bands for dunning's step conditions ({@code scoreBands: [D, E]}): per debtor, the band of its worst open
 * invoice by the tenant's active collectability model. Bands are A (best) to E (worst), the quintiles of the scores
 * of the population the active version was trained on; the model card lists each band's lowest score, share and
 * out-of-fold rate of "not paid within the horizon". Debtors without an open invoice, restricted debtors (GDPR
 * art. 18) and every debtor of a tenant without an active collectability model are in band NONE.
 */
@Component
class DunningScoreBands implements ScoreBandProvider {

    private final Scoring scoring;

    DunningScoreBands(Scoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public Map<UUID, String> bandsOf(Collection<UUID> debtorIds) {
        return scoring.collectabilityBands(debtorIds, "dunning");
    }
}
