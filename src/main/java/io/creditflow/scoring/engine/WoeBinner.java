package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bins a variable for a scorecard. Numeric: quantile fine classing, then coarse classing to a monotone event rate by
 * pool-adjacent-violators, the rising or the falling trend, whichever keeps more information value; how coarsely
 * (at most 4, 6 or 8 bins, pre-bins of at least 5, 7.5 or 10 %) is chosen per variable on inner folds of the
 * training rows ({@link ClassingChoice}) unless {@link BinningOptions#classingFolds()} is 0. Categories (and
 * numeric codes with few distinct values): ordered by an event rate shrunk towards the overall rate, then grouped the
 * same way, so rare categories land next to categories of similar risk instead of all in one "other" bin. Missing
 * values, special values and mass points (one value held by a large share of the rows, typically 0) get their own
 * bins.
 */
public final class WoeBinner {

    private final BinningOptions options;

    public WoeBinner(BinningOptions options) {
        this.options = options;
    }

    public Binning bin(Column column, boolean[] bad) {
        return switch (column) {
            case Column.Numeric n when n.distinctValues(options.discreteMaxLevels()) <= options.discreteMaxLevels() ->
                    levels(n.name(), Binning.Kind.DISCRETE, numericKeys(n), bad, options.maxBins(),
                            members -> label(members, Binning.Kind.DISCRETE));
            case Column.Numeric n -> classed(n, bad);
            case Column.Categorical c -> levels(c.name(), Binning.Kind.CATEGORICAL, c.values(), bad,
                    options.maxBins(), members -> label(members, Binning.Kind.CATEGORICAL));
        };
    }

    private static String[] numericKeys(Column.Numeric column) {
        return Arrays.stream(column.values()).mapToObj(v -> Double.isNaN(v) ? null : Binning.key(v))
                .toArray(String[]::new);
    }

    /** The numeric binning with the fixed limits, or with the limits {@link ClassingChoice} picks for it. */
    private Binning classed(Column.Numeric column, boolean[] bad) {
        if (options.classingFolds() < 2) {
            return numeric(column, bad).withClassing(
                    new Binning.Classing(options.maxBins(), options.minBinShare(), false));
        }
        BinningOptions chosen = new ClassingChoice(options).choose(column, bad);
        return new WoeBinner(chosen).numeric(column, bad).withClassing(
                new Binning.Classing(chosen.maxBins(), chosen.minBinShare(), true));
    }

    private Binning numeric(Column.Numeric column, boolean[] bad) {
        Set<Double> massPoints = massPoints(column.values());
        Map<String, long[]> specials = new TreeMap<>();
        long[] missing = new long[2];
        List<double[]> regular = new ArrayList<>(); // {value, bad}
        for (int r = 0; r < bad.length; r++) {
            double v = column.values()[r];
            if (Double.isNaN(v)) {
                missing[bad[r] ? 1 : 0]++;
            } else if (options.specialValues().contains(v) || massPoints.contains(v == 0 ? 0.0 : v)) {
                specials.computeIfAbsent(Binning.key(v), k -> new long[2])[bad[r] ? 1 : 0]++;
            } else {
                regular.add(new double[] {v, bad[r] ? 1 : 0});
            }
        }
        Totals totals = Totals.of(bad);
        List<Bin> bins = new ArrayList<>();
        List<Double> cuts = new ArrayList<>();
        intervals(regular, bad.length, totals, bins, cuts);
        Map<String, Integer> levels = new HashMap<>();
        specials.forEach((key, counts) -> {
            levels.put(key, bins.size());
            boolean special = options.specialValues().contains(Double.parseDouble(key));
            bins.add(totals.bin((special ? "special " : "= ") + format(Double.parseDouble(key)), counts[0], counts[1]));
        });
        return new Binning(column.name(), Binning.Kind.NUMERIC, cuts, levels, bins, missingBin(bins, missing, totals));
    }

    private Set<Double> massPoints(double[] values) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts.merge(v == 0 ? 0.0 : v, 1, Integer::sum);
            }
        }
        Set<Double> massPoints = new HashSet<>();
        counts.forEach((value, count) -> {
            if (count >= options.massPointShare() * values.length) {
                massPoints.add(value);
            }
        });
        return massPoints;
    }

    /**
     * Fine classing by quantiles over the distinct values, then coarse classing; adds the bins and their cuts. The
     * smallest bin is a share of all rows (as OptBinning's min_prebin_size), so setting missing values, special
     * values or a mass point aside does not let the bins of the rest shrink below 5 % of the data.
     */
    private void intervals(List<double[]> regular, long rows, Totals totals, List<Bin> bins, List<Double> cuts) {
        regular.sort(Comparator.comparingDouble(a -> a[0]));
        Units units = new Units();
        List<Double> distinct = new ArrayList<>();
        for (double[] row : regular) {
            if (distinct.isEmpty() || distinct.getLast() != row[0]) {
                distinct.add(row[0]);
                units.add();
            }
            units.count(row[1] == 1);
        }
        if (units.size() == 0) {
            return;
        }
        Coarsening coarsening = units.coarsening(totals);
        long fineSize = Math.max((long) Math.ceil(options.minBinShare() * rows),
                (long) Math.ceil((double) regular.size() / options.maxFineBins()));
        int[] groups = coarse(coarsening, coarsening.atLeast(fineSize));
        for (int g = 1; g < groups.length; g++) {
            cuts.add((distinct.get(groups[g] - 1) + distinct.get(groups[g])) / 2);
        }
        for (int g = 0; g < groups.length; g++) {
            String from = g == 0 ? "-inf" : format(cuts.get(g - 1));
            String to = g == groups.length - 1 ? "+inf" : format(cuts.get(g));
            bins.add(totals.bin("[" + from + ", " + to + ")", coarsening.groupGoods(groups, g),
                    coarsening.groupBads(groups, g)));
        }
    }

    /** Monotone rising or falling, whichever keeps more IV; a single peak or valley only if asked for. */
    private int[] coarse(Coarsening coarsening, int[] fine) {
        int[] rising = coarsening.limit(coarsening.monotone(fine, true), options.maxBins());
        int[] falling = coarsening.limit(coarsening.monotone(fine, false), options.maxBins());
        int[] groups = coarsening.iv(rising) >= coarsening.iv(falling) ? rising : falling;
        if (options.shapeGain() > 0) {
            for (boolean peak : new boolean[] {true, false}) {
                int[] shaped = coarsening.unimodal(fine, peak, options.maxBins());
                if (coarsening.iv(shaped) > (1 + options.shapeGain()) * coarsening.iv(groups)) {
                    groups = shaped;
                }
            }
        }
        return groups;
    }

    /**
     * Groups levels (categories, codes, cross cells) by their shrunk event rate into at most {@code maxBins} bins of
     * at least {@code minCategoryShare} of the present rows; {@code labels} names a bin by its members.
     */
    Binning levels(String name, Binning.Kind kind, String[] values, boolean[] bad, int maxBins,
                   java.util.function.Function<List<String>, String> labels) {
        Map<String, long[]> counts = new HashMap<>();
        long[] missing = new long[2];
        for (int r = 0; r < values.length; r++) {
            long[] target = values[r] == null ? missing : counts.computeIfAbsent(values[r], k -> new long[2]);
            target[bad[r] ? 1 : 0]++;
        }
        Totals totals = Totals.of(bad);
        double overall = (double) totals.bads / (totals.goods + totals.bads);
        double prior = options.categoryPrior();
        List<String> ordered = new ArrayList<>(counts.keySet());
        // shrunk rate: (bads + prior * overall) / (n + prior); ties broken by name for determinism
        ordered.sort(Comparator.<String>comparingDouble(k -> (counts.get(k)[1] + prior * overall)
                / (counts.get(k)[0] + counts.get(k)[1] + prior)).thenComparing(Comparator.naturalOrder()));
        Units units = new Units();
        for (String level : ordered) {
            units.add();
            units.goods.set(units.size() - 1, counts.get(level)[0]);
            units.bads.set(units.size() - 1, counts.get(level)[1]);
        }
        List<Bin> bins = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        if (units.size() > 0) {
            Coarsening coarsening = units.coarsening(totals);
            long present = values.length - missing[0] - missing[1];
            int[] fine = coarsening.atLeast((long) Math.ceil(options.minCategoryShare() * present));
            int[] groups = coarsening.limit(coarsening.monotone(fine, true), maxBins);
            for (int g = 0; g < groups.length; g++) {
                List<String> members = ordered.subList(groups[g], coarsening.end(groups, g));
                int index = g;
                members.forEach(m -> levels.put(m, index));
                bins.add(totals.bin(labels.apply(members), coarsening.groupGoods(groups, g),
                        coarsening.groupBads(groups, g)));
            }
        }
        return new Binning(name, kind, List.of(), levels, bins, missingBin(bins, missing, totals));
    }

    private static int missingBin(List<Bin> bins, long[] missing, Totals totals) {
        if (missing[0] + missing[1] == 0) {
            return Binning.UNSEEN;
        }
        bins.add(totals.bin("missing", missing[0], missing[1]));
        return bins.size() - 1;
    }

    private static String label(List<String> members, Binning.Kind kind) {
        List<String> shown = kind == Binning.Kind.DISCRETE
                ? members.stream().map(Double::parseDouble).sorted().limit(12).map(WoeBinner::format).toList()
                : members.stream().sorted().limit(12).toList();
        String text = String.join(", ", shown);
        return members.size() > shown.size() ? text + " and " + (members.size() - shown.size()) + " more" : text;
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    /** Goods and bads per unit, in order. */
    private static final class Units {
        final List<Long> goods = new ArrayList<>();
        final List<Long> bads = new ArrayList<>();

        void add() {
            goods.add(0L);
            bads.add(0L);
        }

        void count(boolean bad) {
            List<Long> target = bad ? bads : goods;
            target.set(target.size() - 1, target.getLast() + 1);
        }

        int size() {
            return goods.size();
        }

        Coarsening coarsening(Totals totals) {
            return new Coarsening(goods.stream().mapToLong(Long::longValue).toArray(),
                    bads.stream().mapToLong(Long::longValue).toArray(), totals.goods, totals.bads);
        }
    }

    private record Totals(long goods, long bads) {
        static Totals of(boolean[] bad) {
            long bads = 0;
            for (boolean b : bad) {
                bads += b ? 1 : 0;
            }
            return new Totals(bad.length - bads, bads);
        }

        Bin bin(String label, long g, long b) {
            return new Bin(label, g, b, Woe.woe(g, b, goods, bads));
        }
    }
}
