package io.creditflow.scoring.engine;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The WoE binning of one variable, as stored in the model file. A value finds its bin by: missing -> the missing
 * bin; a listed level (a category, a discrete or special numeric value) -> its bin; otherwise, for a numeric
 * variable, the interval between two cuts. A value seen in no bin (a new category, or missing when training had no
 * missing values) gets WoE 0: the average risk, neither reward nor penalty.
 *
 * <p>A cross characteristic ({@link Kind#CROSS}) is the 2-D binning of two variables: its {@code parts} are the
 * binnings of each, a case's cell is the pair of its bins ({@code "2:0"} = bin 2 of the first, bin 0 of the second),
 * and {@code levels} groups the cells seen in training into bins; a cell never seen gets WoE 0 like any unseen value.
 *
 * @param cuts       ascending interval borders; bin {@code i} holds values in [cuts[i-1], cuts[i])
 * @param levels     value -> bin index, for categories, discrete or special numeric values and cross cells
 * @param missingBin index of the bin of missing values, or -1
 * @param parts      the two binnings a cross characteristic combines; empty for a single variable
 * @param classing   for a numeric variable, the coarse-classing limits it was binned with (see
 *                   {@link ClassingChoice}); null for other kinds and in model files written before the choice
 */
public record Binning(String variable, Kind kind, List<Double> cuts, Map<String, Integer> levels, List<Bin> bins,
                      int missingBin, List<Binning> parts, @Nullable Classing classing) {

    /**
     * The coarse-classing limits of a numeric variable.
     *
     * @param maxBins     at most this many interval bins
     * @param minBinShare pre-bins (and so bins) of at least this share of all training rows
     * @param chosen      chosen on inner folds of the training rows (true) or the fixed setting (false)
     */
    public record Classing(int maxBins, double minBinShare, boolean chosen) {
    }

    public static final int UNSEEN = -1;

    public enum Kind { NUMERIC, DISCRETE, CATEGORICAL, CROSS }

    public Binning {
        cuts = List.copyOf(cuts);
        levels = Map.copyOf(levels);
        bins = List.copyOf(bins);
        // model files written before cross characteristics have no "parts"
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public Binning(String variable, Kind kind, List<Double> cuts, Map<String, Integer> levels, List<Bin> bins,
                   int missingBin) {
        this(variable, kind, cuts, levels, bins, missingBin, List.of(), null);
    }

    public Binning(String variable, Kind kind, List<Double> cuts, Map<String, Integer> levels, List<Bin> bins,
                   int missingBin, List<Binning> parts) {
        this(variable, kind, cuts, levels, bins, missingBin, parts, null);
    }

    /** The same bins, recorded as classed with {@code newClassing}. */
    Binning withClassing(Classing newClassing) {
        return new Binning(variable, kind, cuts, levels, bins, missingBin, parts, newClassing);
    }

    /** The variables a case must supply: this one, or both variables of a cross characteristic. */
    public List<String> inputs() {
        return parts.isEmpty() ? List.of(variable) : parts.stream().flatMap(p -> p.inputs().stream()).toList();
    }

    /** The bin of a case given as raw values by variable name. */
    public int binOfCase(Map<String, ?> values) {
        if (parts.isEmpty()) {
            return binOf(values.get(variable));
        }
        return cell(parts.get(0).binOfCase(values), parts.get(1).binOfCase(values));
    }

    /** The bin of every row of the data (the columns are found by name). */
    public int[] binsOf(Dataset data) {
        if (parts.isEmpty()) {
            return binsOf(data.column(variable).orElseThrow(() -> new DataException(
                    "the scorecard needs column '" + variable + "', which the data does not have")));
        }
        int[] first = parts.get(0).binsOf(data);
        int[] second = parts.get(1).binsOf(data);
        int[] bin = new int[first.length];
        Arrays.setAll(bin, r -> cell(first[r], second[r]));
        return bin;
    }

    private int cell(int first, int second) {
        return first == UNSEEN || second == UNSEEN ? UNSEEN : levels.getOrDefault(cellKey(first, second), UNSEEN);
    }

    static String cellKey(int first, int second) {
        return first + ":" + second;
    }

    public double informationValue() {
        return Woe.informationValue(bins);
    }

    /** The bin of a raw value (a Number, a String or null), or {@link #UNSEEN}. */
    public int binOf(@Nullable Object value) {
        if (kind == Kind.CROSS) {
            throw new IllegalStateException(variable + " is a cross characteristic: bin a whole case (binOfCase)");
        }
        if (value == null) {
            return missingBin;
        }
        if (kind == Kind.CATEGORICAL) {
            return levels.getOrDefault(value.toString().strip(), UNSEEN);
        }
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            return UNSEEN;
        }
        return binOfNumber(number);
    }

    int binOfNumber(double number) {
        if (Double.isNaN(number)) {
            return missingBin;
        }
        Integer level = levels.isEmpty() ? null : levels.get(key(number));
        if (level != null || kind == Kind.DISCRETE) {
            return level == null ? UNSEEN : level;
        }
        int position = 0;
        while (position < cuts.size() && number >= cuts.get(position)) {
            position++;
        }
        return position;
    }

    public double woe(int bin) {
        return bin == UNSEEN ? 0 : bins.get(bin).woe();
    }

    /** The WoE of every row of the data. */
    public double[] woe(Dataset data) {
        return Arrays.stream(binsOf(data)).mapToDouble(this::woe).toArray();
    }

    /** The bin of every row of a column of this variable. */
    public int[] binsOf(Column column) {
        int[] bin = new int[column.size()];
        switch (column) {
            case Column.Numeric n -> Arrays.setAll(bin, r -> binOfNumber(n.values()[r]));
            case Column.Categorical c -> Arrays.setAll(bin, r -> binOf(c.values()[r]));
        }
        return bin;
    }

    /** The canonical text of a numeric level: 2, 2.0 and "2.00" are the same level. */
    static String key(double value) {
        return Double.toString(value == 0 ? 0 : value);
    }
}
