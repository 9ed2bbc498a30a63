package io.creditflow.scoring.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of feature columns and a binary outcome: {@code bad[row]} is true for the event class (the "bad", the
 * default, the unpaid invoice) that the models estimate the probability of.
 */
public record Dataset(List<Column> columns, String target, boolean[] bad) {

    public Dataset {
        columns = List.copyOf(columns);
        for (Column column : columns) {
            if (column.size() != bad.length) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " values, the target " + bad.length);
            }
        }
    }

    public int rows() {
        return bad.length;
    }

    public int bads() {
        int bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        return bads;
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The rows at the given indices, in that order (a fold, a sample). */
    public Dataset select(int[] rows) {
        boolean[] selected = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = bad[rows[i]];
        }
        return new Dataset(columns.stream().map(c -> c.select(rows)).toList(), target, selected);
    }

    /** One row as the raw values a caller would send to score a single case. */
    public Map<String, Object> row(int row) {
        var values = new java.util.LinkedHashMap<String, Object>();
        for (Column column : columns) {
            switch (column) {
                case Column.Numeric n when !n.isMissing(row) -> values.put(n.name(), n.values()[row]);
                case Column.Categorical c when !c.isMissing(row) -> values.put(c.name(), c.values()[row]);
                default -> { }
            }
        }
        return values;
    }
}
