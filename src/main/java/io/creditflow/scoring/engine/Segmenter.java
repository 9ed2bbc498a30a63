package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Chooses whether to segment the population and where (Siddiqi, "Credit Risk Scorecards", ch. 6: one card per
 * segment when a characteristic changes how the others predict, such as "currently delinquent or not").
 *
 * <p>Candidates: for each of the strongest variables (by IV, after screening), its coarse bins ordered by WoE and cut
 * in two at each boundary of that order; on a monotone variable that is a cut-off, and missing or special bins join
 * the side of similar risk. A candidate is kept only if each segment holds at least
 * {@link ScorecardOptions.Segmentation#minBadsAndGoods()} bads and as many goods, so small data sets are never split.
 *
 * <p>Choice: each candidate, and the single card, is fitted on inner folds of the training data and scored on the
 * inner fold it did not see; the candidate with the highest held-out log-likelihood wins if it beats the single card
 * by {@link ScorecardOptions.Segmentation#minGainPerRow()} per row, else the card stays single. The inner folds are
 * stratified with a fixed seed, so the choice is deterministic. The split variable's bins come from all training
 * rows (as any candidate's do); the cards compared are fitted on the inner training rows only.
 */
final class Segmenter {

    /** Seed of the inner folds: fixed, so the same data gives the same choice. */
    static final long INNER_SEED = 42;

    /** A candidate: the bins of {@code binning} on the "high" (riskier) side of the cut. */
    record Split(Binning binning, boolean[] high) {

        int sideOf(int bin) {
            return bin != Binning.UNSEEN && high[bin] ? 1 : 0;
        }

        int[] sides(Dataset data) {
            return java.util.Arrays.stream(binning.binsOf(data)).map(this::sideOf).toArray();
        }
    }

    private final ScorecardOptions.Segmentation segmentation;
    private final ScorecardTrainer single;

    Segmenter(ScorecardOptions options) {
        this.segmentation = options.segmentation();
        this.single = new ScorecardTrainer(options.withSegmentation(ScorecardOptions.Segmentation.NONE));
    }

    /** The winning split of the training data, or empty for a single card. */
    Optional<Split> choose(Dataset training, List<Binning> ranked) {
        List<Split> candidates = candidates(training, ranked);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int[] fold = CrossValidation.folds(training.bad(), segmentation.innerFolds(), INNER_SEED);
        // the single card (index -1) and every candidate are fitted independently (each on its own copies of the
        // rows; the solver keeps no shared state), so on all cores; each figure is summed in a fixed order, and the
        // choice below runs in candidate order: the same data gives the same choice, however many cores
        double[] logLikelihood = IntStream.range(-1, candidates.size()).parallel()
                .mapToDouble(c -> heldOutLogLikelihood(training, fold, c < 0 ? null : candidates.get(c))).toArray();
        double single = logLikelihood[0];
        Split best = null;
        double bestGain = segmentation.minGainPerRow() * training.rows();
        for (int c = 0; c < candidates.size(); c++) {
            double gain = logLikelihood[c + 1] - single;
            if (gain > bestGain) {
                best = candidates.get(c);
                bestGain = gain;
            }
        }
        return Optional.ofNullable(best);
    }

    List<Split> candidates(Dataset training, List<Binning> ranked) {
        List<Split> splits = new ArrayList<>();
        for (Binning binning : ranked.subList(0, Math.min(segmentation.variables(), ranked.size()))) {
            if (!binning.parts().isEmpty()) {
                continue;
            }
            Integer[] order = IntStream.range(0, binning.bins().size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> binning.bins().get(i).woe())
                            .thenComparing(i -> i))
                    .toArray(Integer[]::new);
            int[] bins = binning.binsOf(training);
            for (int cut = 1; cut < order.length; cut++) {
                boolean[] high = new boolean[binning.bins().size()];
                for (int i = cut; i < order.length; i++) {
                    high[order[i]] = true;
                }
                Split split = new Split(binning, high);
                if (largeEnough(split, bins, training.bad())) {
                    splits.add(split);
                }
            }
        }
        return splits;
    }

    private boolean largeEnough(Split split, int[] bins, boolean[] bad) {
        long[] count = new long[4]; // side * 2 + bad
        for (int r = 0; r < bins.length; r++) {
            count[split.sideOf(bins[r]) * 2 + (bad[r] ? 1 : 0)]++;
        }
        return java.util.Arrays.stream(count).allMatch(c -> c >= segmentation.minBadsAndGoods());
    }

    private double heldOutLogLikelihood(Dataset training, int[] fold, Split split) {
        double logLikelihood = 0;
        for (int k = 0; k < segmentation.innerFolds(); k++) {
            int f = k;
            Dataset fit = training.select(IntStream.range(0, fold.length).filter(r -> fold[r] != f).toArray());
            Dataset held = training.select(IntStream.range(0, fold.length).filter(r -> fold[r] == f).toArray());
            double[] probability = split == null ? single.train(fit).probabilities(held)
                    : fit(fit, split).probabilities(held);
            for (int r = 0; r < probability.length; r++) {
                double p = Math.clamp(probability[r], 1e-12, 1 - 1e-12);
                logLikelihood += held.bad()[r] ? Math.log(p) : Math.log(1 - p);
            }
        }
        return logLikelihood;
    }

    private Scorecard fit(Dataset training, Split split) {
        return build(training, split, List.of()).scorecard();
    }

    /**
     * The segmented card of a split: a single card fitted on each segment's rows (binning, screening and regression
     * of its own). {@code summaries} are the variables of the whole data; each gets its status per segment.
     */
    ScorecardTrainer.Result build(Dataset training, Split split, List<VariableSummary> summaries) {
        int[] side = split.sides(training);
        List<Segments.Segment> segments = new ArrayList<>();
        Map<String, StringBuilder> status = new LinkedHashMap<>();
        for (int s = 0; s < 2; s++) {
            int sideIndex = s;
            Dataset rows = training.select(IntStream.range(0, side.length).filter(r -> side[r] == sideIndex)
                    .toArray());
            ScorecardTrainer.Result result = single.build(rows);
            String name = name(split, s);
            segments.add(new Segments.Segment(name, binsOf(split, s), rows.rows(), rows.bads(), result.scorecard()));
            for (VariableSummary v : result.variables()) {
                StringBuilder text = status.computeIfAbsent(v.variable(), x -> new StringBuilder());
                text.append(text.isEmpty() ? "" : "; ").append("segment ").append(name).append(": ")
                        .append(v.status());
            }
        }
        int unseen = segments.get(1).rows() > segments.get(0).rows() ? 1 : 0;
        Scorecard card = new Scorecard(List.of(), 0, segments.getFirst().scorecard().scaling(),
                new Segments(split.binning(), segments, unseen));
        List<VariableSummary> variables = summaries.stream().map(v -> new VariableSummary(v.variable(),
                v.informationValue(), v.strength(), (v.variable().equals(split.binning().variable())
                        ? "splits the population into the segments; " : "")
                        + status.getOrDefault(v.variable(), new StringBuilder(v.status())))).toList();
        return new ScorecardTrainer.Result(card, variables);
    }

    private static List<Integer> binsOf(Split split, int side) {
        return IntStream.range(0, split.high().length).filter(b -> split.sideOf(b) == side).boxed().toList();
    }

    /** "PAY_0: 0" or "PAY_0: -2, -1 | 1 | 2, 3, 4": the variable and the labels of the segment's bins. */
    private static String name(Split split, int side) {
        List<String> labels = binsOf(split, side).stream().map(b -> split.binning().bins().get(b).label()).toList();
        return split.binning().variable() + ": " + String.join(" | ", labels);
    }
}
