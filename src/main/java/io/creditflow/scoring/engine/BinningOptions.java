package io.creditflow.scoring.engine;

import java.util.Set;

/**
 * Settings of the WoE binner.
 *
 * @param maxFineBins        quantile pre-bins of a numeric variable (fine classing)
 * @param minBinShare        smallest share of the non-missing rows in a numeric bin
 * @param minCategoryShare   smallest share of a group of categories. Smaller than for numbers: a category is a real
 *                           group of customers, not an arbitrary interval, and 3 % of the rows ("foreign worker: no"
 *                           in German credit) can carry a clear signal; the shrunk ordering protects the rarer ones
 * @param maxBins            bins after coarse classing (missing and special values not counted)
 * @param categoryPrior      pseudo-rows of the overall event rate added to each category before categories are
 *                           ordered, so a category seen twice does not rank as the riskiest (high cardinality)
 * @param discreteMaxLevels  a numeric variable with at most this many distinct values is grouped like categories
 *                           (codes such as "months late" or "type 1..9" need not be monotone); 0 turns this off
 * @param specialValues      numeric codes that mean something else than their size (e.g. -999, 9999): own bins
 * @param massPointShare     a single numeric value held by at least this share of the rows gets its own bin, outside
 *                           the monotone trend: "0" for income, savings or a balance is usually a population of its
 *                           own (no account, no income declared), not merely the low end of the scale. Shares of
 *                           0.2 and 0.3 gave nearly the same results on the benchmark sets; above 1 turns it off
 * @param shapeGain          0: numeric event rates are monotone. Above 0, a single-peaked or single-valley shape is
 *                           taken instead when it has this much more IV (0.1 = 10 %). Off by default: on the five
 *                           public benchmark sets it won as often as it lost, and monotone points are easier to
 *                           defend to a customer and a regulator
 * @param classingFolds      0: every numeric variable is classed with {@code maxBins} and {@code minBinShare}. 2 or
 *                           more: per numeric variable, {@link ClassingChoice} picks at most 4, 6 or {@code maxBins}
 *                           bins from pre-bins of at least 1, 1.5 or 2 times {@code minBinShare}, by held-out
 *                           log-likelihood on this many inner folds of the training rows (3 by default); the limits
 *                           stay upper bounds
 */
public record BinningOptions(int maxFineBins, double minBinShare, double minCategoryShare, int maxBins, double categoryPrior,
                             int discreteMaxLevels, Set<Double> specialValues, double massPointShare,
                             double shapeGain, int classingFolds) {

    public BinningOptions {
        if (maxFineBins < 2 || maxBins < 1 || maxBins > maxFineBins) {
            throw new IllegalArgumentException("need 2 <= maxFineBins and 1 <= maxBins <= maxFineBins");
        }
        if (minBinShare <= 0 || minBinShare >= 0.5 || minCategoryShare <= 0 || minCategoryShare >= 0.5) {
            throw new IllegalArgumentException("minBinShare and minCategoryShare must be in (0, 0.5)");
        }
        if (classingFolds == 1 || classingFolds < 0) {
            throw new IllegalArgumentException("classingFolds must be 0 (fixed classing) or at least 2");
        }
        specialValues = Set.copyOf(specialValues);
    }

    /** Fixed classing: every numeric variable with {@code maxBins} and {@code minBinShare}. */
    public BinningOptions(int maxFineBins, double minBinShare, double minCategoryShare, int maxBins,
                          double categoryPrior, int discreteMaxLevels, Set<Double> specialValues,
                          double massPointShare, double shapeGain) {
        this(maxFineBins, minBinShare, minCategoryShare, maxBins, categoryPrior, discreteMaxLevels, specialValues,
                massPointShare, shapeGain, 0);
    }

    public static BinningOptions defaults() {
        return new BinningOptions(20, 0.05, 0.02, 8, 10, 12, Set.of(), 0.2, 0, 3);
    }

    /** These settings with other coarse-classing limits and choice folds. */
    public BinningOptions withClassing(int newMaxBins, double newMinBinShare, int newClassingFolds) {
        return new BinningOptions(maxFineBins, newMinBinShare, minCategoryShare, newMaxBins, categoryPrior,
                discreteMaxLevels, specialValues, massPointShare, shapeGain, newClassingFolds);
    }
}
