package io.creditflow.scoring.engine;

/**
 * Settings of the scorecard builder.
 *
 * @param minInformationValue variables below this IV are screened out (0.02: "useless" by the rule of thumb)
 * @param c                   inverse L2 strength of the logistic regression; large, so the card is close to plain
 *                            maximum likelihood and the WoE binning does the smoothing
 */
public record ScorecardOptions(BinningOptions binning, double minInformationValue, double c, PdoScaling scaling) {

    public static ScorecardOptions defaults() {
        return new ScorecardOptions(BinningOptions.defaults(), 0.02, 100, PdoScaling.defaults());
    }
}
