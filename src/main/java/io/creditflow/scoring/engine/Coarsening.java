package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups an ordered sequence of units (fine bins, or categories ordered by event rate) into coarse bins. A grouping
 * is given by the start index of each group.
 */
final class Coarsening {

    private final long[] goods;
    private final long[] bads;
    private final long totalGoods;
    private final long totalBads;

    Coarsening(long[] goods, long[] bads, long totalGoods, long totalBads) {
        this.goods = goods;
        this.bads = bads;
        this.totalGoods = totalGoods;
        this.totalBads = totalBads;
    }

    /** Greedy consecutive groups of at least {@code minCount} rows; a short tail joins the group before it. */
    int[] atLeast(long minCount) {
        List<Integer> starts = new ArrayList<>();
        long count = 0;
        int start = 0;
        for (int i = 0; i < goods.length; i++) {
            count += goods[i] + bads[i];
            if (count >= minCount) {
                starts.add(start);
                start = i + 1;
                count = 0;
            }
        }
        if (start < goods.length && starts.isEmpty()) {
            starts.add(start);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Pool-adjacent-violators: merges neighbours until event rates strictly rise (or fall) from group to group. */
    int[] monotone(int[] starts, boolean ascending) {
        return monotone(starts, 0, starts.length, ascending);
    }

    /** {@link #monotone(int[], boolean)} on the groups {@code from..to-1} only. */
    int[] monotone(int[] starts, int from, int to, boolean ascending) {
        List<long[]> blocks = new ArrayList<>(); // {start, goods, bads}
        for (int g = from; g < to; g++) {
            long[] block = {starts[g], groupGoods(starts, g), groupBads(starts, g)};
            blocks.add(block);
            while (blocks.size() > 1 && violates(blocks.get(blocks.size() - 2), blocks.getLast(), ascending)) {
                long[] last = blocks.removeLast();
                long[] previous = blocks.getLast();
                previous[1] += last[1];
                previous[2] += last[2];
            }
        }
        return blocks.stream().mapToInt(b -> (int) b[0]).toArray();
    }

    /**
     * The best single-peaked (or single-valley) grouping: rising then falling event rates (or the reverse), with the
     * turning point where it keeps the most information value; a U-shaped age effect is the textbook case.
     */
    int[] unimodal(int[] starts, boolean peak, int maxGroups) {
        int[] best = limit(monotone(starts, peak), maxGroups);
        for (int turn = 1; turn < starts.length; turn++) {
            int[] left = monotone(starts, 0, turn, peak);
            int[] right = monotone(starts, turn, starts.length, !peak);
            int[] joined = new int[left.length + right.length];
            System.arraycopy(left, 0, joined, 0, left.length);
            System.arraycopy(right, 0, joined, left.length, right.length);
            joined = limit(joined, maxGroups);
            if (iv(joined) > iv(best)) {
                best = joined;
            }
        }
        return best;
    }

    private static boolean violates(long[] left, long[] right, boolean ascending) {
        // compare bads/n without division: left rate >= right rate  <=>  bL * nR >= bR * nL
        double leftSide = (double) left[2] * (right[1] + right[2]);
        double rightSide = (double) right[2] * (left[1] + left[2]);
        return ascending ? leftSide >= rightSide : leftSide <= rightSide;
    }

    /** Merges the neighbouring pair that loses the least information value until at most {@code max} groups. */
    int[] limit(int[] starts, int max) {
        int[] current = starts;
        while (current.length > max) {
            int best = 1;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int g = 1; g < current.length; g++) {
                double loss = iv(current, g - 1) + iv(current, g) - ivOf(
                        groupGoods(current, g - 1) + groupGoods(current, g),
                        groupBads(current, g - 1) + groupBads(current, g));
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = g;
                }
            }
            current = without(current, best);
        }
        return current;
    }

    double iv(int[] starts) {
        double iv = 0;
        for (int g = 0; g < starts.length; g++) {
            iv += iv(starts, g);
        }
        return iv;
    }

    private double iv(int[] starts, int group) {
        return ivOf(groupGoods(starts, group), groupBads(starts, group));
    }

    private double ivOf(long g, long b) {
        return ((double) b / totalBads - (double) g / totalGoods) * Woe.woe(g, b, totalGoods, totalBads);
    }

    long groupGoods(int[] starts, int group) {
        return sum(goods, starts, group);
    }

    long groupBads(int[] starts, int group) {
        return sum(bads, starts, group);
    }

    int end(int[] starts, int group) {
        return group + 1 < starts.length ? starts[group + 1] : goods.length;
    }

    private long sum(long[] values, int[] starts, int group) {
        long sum = 0;
        for (int i = starts[group]; i < end(starts, group); i++) {
            sum += values[i];
        }
        return sum;
    }

    private static int[] without(int[] starts, int index) {
        int[] result = new int[starts.length - 1];
        System.arraycopy(starts, 0, result, 0, index);
        System.arraycopy(starts, index + 1, result, index, starts.length - index - 1);
        return result;
    }
}
