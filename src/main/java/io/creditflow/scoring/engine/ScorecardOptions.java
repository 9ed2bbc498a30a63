package io.creditflow.scoring.engine;

/**
 * Settings of the scorecard builder.
 *
 * @param minInformationValue variables below this IV are screened out (0.02: "useless" by the rule of thumb)
 * @param c                   inverse L2 strength of the logistic regression; large, so the card is close to plain
 *                            maximum likelihood and the WoE binning does the smoothing
 * @param crosses             cross characteristics (2-D binning of a pair of variables)
 * @param segmentation        segmented scorecards: one card per segment of the population ({@link Segmenter})
 */
public record ScorecardOptions(BinningOptions binning, double minInformationValue, double c, PdoScaling scaling,
                               Crosses crosses, Segmentation segmentation) {

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

    /**
     * Segmented scorecards (Siddiqi, "Credit Risk Scorecards", ch. 6): see {@link Segmenter}.
     *
     * @param variables     the population may be split on one of this many strongest variables (by IV); 0 turns
     *                      segmentation off
     * @param minBadsAndGoods every segment must hold at least this many bads and this many goods of the training
     *                      data, so a small data set is never split (a segment's card needs enough of both)
     * @param innerFolds    the split must beat the single card on these inner folds of the training data
     * @param minGainPerRow held-out log-likelihood gain per training row the split needs over the single card
     */
    public record Segmentation(int variables, int minBadsAndGoods, int innerFolds, double minGainPerRow) {

        public static final Segmentation NONE = new Segmentation(0, Integer.MAX_VALUE, 2, 0);

        /** The default: the three strongest variables, 500 bads and goods per segment, 3 inner folds. */
        public static final Segmentation DEFAULT = new Segmentation(3, 500, 3, 0.001);

        public Segmentation {
            if (variables < 0 || minBadsAndGoods < 1 || innerFolds < 2 || minGainPerRow < 0) {
                throw new IllegalArgumentException("need variables >= 0, minBadsAndGoods >= 1, innerFolds >= 2 "
                        + "and minGainPerRow >= 0");
            }
        }
    }

    /** A single card without crosses or segments. */
    public ScorecardOptions(BinningOptions binning, double minInformationValue, double c, PdoScaling scaling) {
        this(binning, minInformationValue, c, scaling, Crosses.NONE, Segmentation.NONE);
    }

    public static ScorecardOptions defaults() {
        return new ScorecardOptions(BinningOptions.defaults(), 0.02, 100, PdoScaling.defaults(), Crosses.NONE,
                Segmentation.DEFAULT);
    }

    public ScorecardOptions withCrosses(Crosses newCrosses) {
        return new ScorecardOptions(binning, minInformationValue, c, scaling, newCrosses, segmentation);
    }

    public ScorecardOptions withScaling(PdoScaling newScaling) {
        return new ScorecardOptions(binning, minInformationValue, c, newScaling, crosses, segmentation);
    }

    public ScorecardOptions withSegmentation(Segmentation newSegmentation) {
        return new ScorecardOptions(binning, minInformationValue, c, scaling, crosses, newSegmentation);
    }
}
