package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Chooses how coarsely a numeric variable is classed, per variable, on inner folds of the training rows only: at most
 * 4, 6 or {@code maxBins} coarse bins, from pre-bins of at least 1, 1.5 or 2 times {@code minBinShare} (5, 7.5 and
 * 10 % by default). The specification's limits (at most 20 pre-bins of at least 5 %, at most 8 coarse bins) are upper
 * bounds, so every candidate keeps them. Each candidate bins the variable on the inner training part; the held-out
 * part is scored with that binning's event rates, and the candidate with the highest held-out log-likelihood wins,
 * the spec's own setting on ties. A strong smooth effect on many rows keeps the finest classing; a weak or noisy one
 * gets fewer, larger bins that generalise better. The folds are stratified with a fixed seed, so the same rows always
 * give the same choice.
 */
final class ClassingChoice {

    /** The seed of the inner folds; fixed, so training is deterministic. */
    static final long SEED = 7;

    private final BinningOptions options;

    ClassingChoice(BinningOptions options) {
        this.options = options;
    }

    /** The candidate settings, the given (finest) one first; each with the choice switched off. */
    List<BinningOptions> candidates() {
        List<BinningOptions> candidates = new ArrayList<>();
        BinningOptions fixed = options.withClassing(options.maxBins(), options.minBinShare(), 0);
        candidates.add(fixed);
        for (int maxBins : new int[] {4, 6, options.maxBins()}) {
            for (double factor : new double[] {1, 1.5, 2}) {
                // rounded so 1.5 x 5 % is exactly 7.5 % (the smallest bin is a ceiling of share x rows)
                double share = Math.round(options.minBinShare() * factor * 1e9) / 1e9;
                boolean same = maxBins == options.maxBins() && factor == 1;
                if (!same && maxBins <= options.maxBins() && share < 0.5) {
                    candidates.add(options.withClassing(maxBins, share, 0));
                }
            }
        }
        return candidates;
    }

    /** The settings with the best held-out log-likelihood on {@code classingFolds} inner folds. */
    BinningOptions choose(Column.Numeric column, boolean[] bad) {
        List<BinningOptions> candidates = candidates();
        int folds = options.classingFolds();
        int[] fold = CrossValidation.folds(bad, folds, SEED);
        double[] logLikelihood = new double[candidates.size()];
        for (int k = 0; k < folds; k++) {
            int f = k;
            int[] train = IntStream.range(0, bad.length).filter(r -> fold[r] != f).toArray();
            int[] test = IntStream.range(0, bad.length).filter(r -> fold[r] == f).toArray();
            Column.Numeric trainColumn = column.select(train);
            Column.Numeric testColumn = column.select(test);
            boolean[] trainBad = pick(bad, train);
            boolean[] testBad = pick(bad, test);
            for (int c = 0; c < candidates.size(); c++) {
                Binning binning = new WoeBinner(candidates.get(c)).bin(trainColumn, trainBad);
                logLikelihood[c] += heldOut(binning, testColumn, testBad, rate(trainBad));
            }
        }
        int best = 0;
        for (int c = 1; c < candidates.size(); c++) {
            if (logLikelihood[c] > logLikelihood[best]) {
                best = c;
            }
        }
        return candidates.get(best);
    }

    /**
     * Log-likelihood of the held-out rows under the bins' event rates, each shrunk by one pseudo-row at the overall
     * rate so an empty or pure bin does not give log(0); a value in no bin gets the overall rate (WoE 0).
     */
    static double heldOut(Binning binning, Column column, boolean[] bad, double overall) {
        int[] bins = binning.binsOf(column);
        double logLikelihood = 0;
        for (int r = 0; r < bins.length; r++) {
            double p = overall;
            if (bins[r] != Binning.UNSEEN) {
                Bin bin = binning.bins().get(bins[r]);
                p = (bin.bads() + overall) / (bin.count() + 1.0);
            }
            logLikelihood += Math.log(bad[r] ? p : 1 - p);
        }
        return logLikelihood;
    }

    private static double rate(boolean[] bad) {
        int bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        return (double) bads / bad.length;
    }

    private static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] picked = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }
}
