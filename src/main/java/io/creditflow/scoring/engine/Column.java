package io.creditflow.scoring.engine;

import java.util.Arrays;

/** One feature column of a {@link Dataset}, typed numeric or categorical when the file was read. */
public sealed interface Column permits Column.Numeric, Column.Categorical {

    String name();

    int size();

    boolean isMissing(int row);

    Column select(int[] rows);

    /** Numeric values; {@link Double#NaN} marks a missing value. */
    record Numeric(String name, double[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }

        @Override
        public Numeric select(int[] rows) {
            return new Numeric(name, Arrays.stream(rows).mapToDouble(r -> values[r]).toArray());
        }

        /** Number of distinct non-missing values, counted up to {@code limit} (cheap for wide ranges). */
        public int distinctValues(int limit) {
            double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
            int distinct = 0;
            for (int i = 0; i < sorted.length && distinct <= limit; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            return distinct;
        }
    }

    /** Category labels; {@code null} marks a missing value. */
    record Categorical(String name, String[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return values[row] == null;
        }

        @Override
        public Categorical select(int[] rows) {
            return new Categorical(name, Arrays.stream(rows).mapToObj(r -> values[r]).toArray(String[]::new));
        }
    }
}
