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
 * @param cuts       ascending interval borders; bin {@code i} holds values in [cuts[i-1], cuts[i])
 * @param levels     value -> bin index, for categories and discrete or special numeric values
 * @param missingBin index of the bin of missing values, or -1
 */
public record Binning(String variable, Kind kind, List<Double> cuts, Map<String, Integer> levels, List<Bin> bins,
                      int missingBin) {

    public static final int UNSEEN = -1;

    public enum Kind { NUMERIC, DISCRETE, CATEGORICAL }

    public Binning {
        cuts = List.copyOf(cuts);
        levels = Map.copyOf(levels);
        bins = List.copyOf(bins);
    }

    public double informationValue() {
        return Woe.informationValue(bins);
    }

    /** The bin of a raw value (a Number, a String or null), or {@link #UNSEEN}. */
    public int binOf(@Nullable Object value) {
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

    /** The WoE of every row of a column of this variable. */
    public double[] woe(Column column) {
        return Arrays.stream(binsOf(column)).mapToDouble(this::woe).toArray();
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
