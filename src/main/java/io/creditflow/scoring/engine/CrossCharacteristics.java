package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds cross characteristics: the 2-D binning of a pair of strong variables whose joint effect is not additive
 * (a customer two months late on the last statement AND on the one before is worse than the sum of the two). The
 * cells of the pair's coarse bins are grouped by bad rate like categories; the cross replaces the pair in the card,
 * so the card stays one points table with one reason code per characteristic.
 *
 * <p>The pair is chosen on the training rows only (in cross-validation: on the training folds), by the gain in
 * log-likelihood of the grouped cells over the best additive use of the two variables (a logistic regression on
 * their WoE), less a BIC penalty of ½·ln(n) per extra parameter. That gain is the likelihood-ratio statistic of the
 * interaction, so a pair is crossed only when the data show an interaction, not merely because a finer table
 * always fits its own training rows better.
 */
final class CrossCharacteristics {

    private final ScorecardOptions options;
    private final WoeBinner binner;

    CrossCharacteristics(ScorecardOptions options) {
        this.options = options;
        this.binner = new WoeBinner(options.binning());
    }

    /** A chosen cross and the two variables it replaces. */
    record Cross(Binning binning, Binning first, Binning second, double gain) {
    }

    /**
     * Greedy: the best pair among the strongest {@code candidates} variables, then the best pair of what is left,
     * up to {@code max} crosses; each variable is in at most one cross.
     */
    List<Cross> find(Dataset training, List<Binning> byInformationValue) {
        ScorecardOptions.Crosses settings = options.crosses();
        List<Binning> pool = new ArrayList<>(byInformationValue.subList(0,
                Math.min(settings.candidates(), byInformationValue.size())));
        List<Cross> chosen = new ArrayList<>();
        while (chosen.size() < settings.max() && pool.size() >= 2) {
            Cross best = null;
            for (int i = 0; i < pool.size(); i++) {
                for (int j = i + 1; j < pool.size(); j++) {
                    Cross cross = cross(training, pool.get(i), pool.get(j));
                    if (cross.gain() > settings.minGain() && (best == null || cross.gain() > best.gain())) {
                        best = cross;
                    }
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            pool.remove(best.first());
            pool.remove(best.second());
        }
        return chosen;
    }

    Cross cross(Dataset training, Binning first, Binning second) {
        int[] a = first.binsOf(training);
        int[] b = second.binsOf(training);
        String[] cells = new String[a.length];
        for (int r = 0; r < cells.length; r++) {
            cells[r] = Binning.cellKey(a[r], b[r]);
        }
        String name = first.variable() + " × " + second.variable();
        Binning grouped = binner.levels(name, Binning.Kind.CROSS, cells, training.bad(),
                options.crosses().maxBins(), members -> label(members, first, second));
        Binning binning = new Binning(name, Binning.Kind.CROSS, List.of(), grouped.levels(), grouped.bins(),
                Binning.UNSEEN, List.of(first, second));
        double additive = additiveLogLikelihood(training, first, second);
        double crossed = groupedLogLikelihood(binning);
        int extra = binning.bins().size() - 1 - 2;
        double perParameter = options.crosses().penalty() > 0 ? options.crosses().penalty()
                : 0.5 * Math.log(training.rows());
        double gain = crossed - additive - perParameter * Math.max(extra, 0);
        return new Cross(binning, first, second, gain);
    }

    /** Log-likelihood of a logistic regression on the two variables' WoE. */
    private double additiveLogLikelihood(Dataset training, Binning first, Binning second) {
        double[][] x = {first.woe(training), second.woe(training)};
        double[] beta = LogisticRegression.fit(x, training.bad(), options.c());
        double ll = 0;
        for (int r = 0; r < training.rows(); r++) {
            double p = 1 / (1 + Math.exp(-(beta[0] * x[0][r] + beta[1] * x[1][r] + beta[2])));
            ll += Math.log(training.bad()[r] ? p : 1 - p);
        }
        return ll;
    }

    /** Log-likelihood of the grouped cells' own bad rates. */
    private static double groupedLogLikelihood(Binning binning) {
        double ll = 0;
        for (Bin bin : binning.bins()) {
            double p = bin.eventRate();
            if (bin.bads() > 0) {
                ll += bin.bads() * Math.log(p);
            }
            if (bin.goods() > 0) {
                ll += bin.goods() * Math.log(1 - p);
            }
        }
        return ll;
    }

    /** "PAY_0 [1.5, +inf) & PAY_2 = 2; ..." for the cells of a bin (the first few, then a count). */
    private static String label(List<String> cells, Binning first, Binning second) {
        List<String> shown = new ArrayList<>();
        for (String cell : cells.stream().sorted().limit(6).toList()) {
            String[] parts = cell.split(":");
            shown.add(attribute(first, Integer.parseInt(parts[0])) + " & "
                    + attribute(second, Integer.parseInt(parts[1])));
        }
        String text = String.join("; ", shown);
        return cells.size() > shown.size() ? text + String.format(Locale.ROOT, " and %d more", cells.size()
                - shown.size()) : text;
    }

    private static String attribute(Binning binning, int bin) {
        return binning.variable() + " " + binning.bins().get(bin).label();
    }
}
