package io.creditflow.scoring.engine;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the columns into the numeric matrix the booster reads. Numbers pass through; a category becomes its rank by
 * event rate shrunk towards the overall rate (so a tree splits categories of similar risk together, and a category
 * seen twice ranks near the middle); missing and unseen categories become NaN, which trees route on their own.
 *
 * @param codes per feature, the category -> rank map; empty for a numeric feature
 */
public record FeatureEncoding(List<String> features, List<Map<String, Integer>> codes) {

    /** Pseudo-rows of the overall rate in the shrunk category rate. */
    static final double PRIOR = 10;

    public FeatureEncoding {
        features = List.copyOf(features);
        codes = codes.stream().map(Map::copyOf).toList();
    }

    public static FeatureEncoding fit(Dataset data) {
        List<String> features = new ArrayList<>();
        List<Map<String, Integer>> codes = new ArrayList<>();
        double overall = (double) data.bads() / data.rows();
        for (Column column : data.columns()) {
            features.add(column.name());
            codes.add(column instanceof Column.Categorical c ? ranks(c, data.bad(), overall) : Map.of());
        }
        return new FeatureEncoding(features, codes);
    }

    private static Map<String, Integer> ranks(Column.Categorical column, boolean[] bad, double overall) {
        Map<String, long[]> counts = new HashMap<>();
        for (int r = 0; r < bad.length; r++) {
            if (column.values()[r] != null) {
                counts.computeIfAbsent(column.values()[r], k -> new long[2])[bad[r] ? 1 : 0]++;
            }
        }
        List<String> ordered = new ArrayList<>(counts.keySet());
        ordered.sort(Comparator.<String>comparingDouble(k -> (counts.get(k)[1] + PRIOR * overall)
                / (counts.get(k)[0] + counts.get(k)[1] + PRIOR)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            ranks.put(ordered.get(i), i);
        }
        return ranks;
    }

    /** Row-major matrix of the data, NaN for missing. */
    public float[] matrix(Dataset data) {
        int rows = data.rows();
        float[] matrix = new float[rows * features.size()];
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f);
            Column column = data.column(name).orElseThrow(() -> new DataException(
                    "the model needs column '" + name + "', which the data does not have"));
            for (int r = 0; r < rows; r++) {
                matrix[r * features.size() + f] = switch (column) {
                    case Column.Numeric n -> (float) n.values()[r];
                    case Column.Categorical c -> encode(f, c.values()[r]);
                };
            }
        }
        return matrix;
    }

    /** One case as a row of the matrix. */
    public float[] row(Map<String, ?> values) {
        float[] row = new float[features.size()];
        for (int f = 0; f < row.length; f++) {
            Object value = values.get(features.get(f));
            if (!codes.get(f).isEmpty() || value instanceof String s && !isNumber(s)) {
                row[f] = encode(f, value == null ? null : value.toString().strip());
            } else {
                row[f] = value == null ? Float.NaN : value instanceof Number n ? n.floatValue()
                        : Float.parseFloat(value.toString().strip());
            }
        }
        return row;
    }

    private float encode(int feature, @Nullable String category) {
        Integer rank = category == null ? null : codes.get(feature).get(category);
        return rank == null ? Float.NaN : rank;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
