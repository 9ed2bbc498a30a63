package io.creditflow.scoring.engine;

/**
 * Settings of the scorecard builder.
 *
 * @param minInformationValue variables below this IV are screened out (0.02: "useless" by the rule of thumb)
 * @param c                   inverse L2 strength of the logistic regression; large, so the card is close to plain
 *                            maximum likelihood and the WoE binning does the smoothing
 * @param crosses             cross characteristics (2-D binning of a pair of variables)
 */
public record ScorecardOptions(BinningOptions binning, double minInformationValue, double c, PdoScaling scaling,
                               Crosses crosses) {

    /**
     * Cross characteristics: see {@link CrossCharacteristics}.
     *
     * @param max        crosses at most; 0 turns them off
     * @param candidates the pairs are formed among this many strongest variables (by IV)
     * @param maxBins    bins of a cross after grouping its cells
     * @param minGain    the penalised log-likelihood gain a pair needs to be crossed
     * @param replace    the cross replaces its two variables (true) or joins them in the regression (false)
     * @param penalty    log-likelihood charged per extra parameter of the cross; 0 means BIC (½·ln n)
     */
    public record Crosses(int max, int candidates, int maxBins, double minGain, boolean replace, double penalty) {

        public static final Crosses NONE = new Crosses(0, 0, 1, 0, true, 0);
    }

    public ScorecardOptions(BinningOptions binning, double minInformationValue, double c, PdoScaling scaling) {
        this(binning, minInformationValue, c, scaling, Crosses.NONE);
    }

    public static ScorecardOptions defaults() {
        return new ScorecardOptions(BinningOptions.defaults(), 0.02, 100, PdoScaling.defaults(), Crosses.NONE);
    }

    public ScorecardOptions withCrosses(Crosses newCrosses) {
        return new ScorecardOptions(binning, minInformationValue, c, scaling, newCrosses);
    }

    public ScorecardOptions withScaling(PdoScaling scaling) {
        return new ScorecardOptions(binning, minInformationValue, c, scaling, crosses);
    }
}
