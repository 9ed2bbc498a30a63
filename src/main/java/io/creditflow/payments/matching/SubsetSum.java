package io.creditflow.payments.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which combinations of at least two open amounts add up exactly to a payment, by meet-in-the-middle: the sums of
 * every subset of one half, then each subset of the other half looks up its complement. Bounded to
 * {@link #MAX_ITEMS} amounts (2 x 4,096 subsets); the caller picks which (the oldest). Counting stops at
 * {@code limit} solutions: two already mean the amount does not tell which invoices were paid.
 */
public final class SubsetSum {

    public static final int MAX_ITEMS = 24;

    private SubsetSum() {
    }

    /** The solutions found (each a list of indexes into {@code cents}), at most {@code limit}. */
    public static List<List<Integer>> solve(long[] cents, long target, int limit) {
        int n = cents.length;
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS + " amounts, not " + n);
        }
        int left = n / 2;
        int right = n - left;
        Map<Long, List<Integer>> leftSums = new HashMap<>(1 << left);
        for (int mask = 0; mask < (1 << left); mask++) {
            leftSums.computeIfAbsent(sum(cents, 0, left, mask), k -> new ArrayList<>(1)).add(mask);
        }
        List<List<Integer>> solutions = new ArrayList<>();
        for (int mask = 0; mask < (1 << right) && solutions.size() < limit; mask++) {
            List<Integer> partners = leftSums.get(target - sum(cents, left, right, mask));
            if (partners == null) {
                continue;
            }
            for (int leftMask : partners) {
                if (Integer.bitCount(leftMask) + Integer.bitCount(mask) >= 2) {
                    solutions.add(indexes(leftMask, mask, left));
                    if (solutions.size() == limit) {
                        break;
                    }
                }
            }
        }
        return solutions;
    }

    /**
     * How many subsets of these amounts one would expect to hit a given total by coincidence: the number of subsets
     * spread over the range of possible totals. Small for a few invoices, large for many: the confidence a single
     * exact combination deserves depends on it.
     */
    public static double coincidences(long[] cents) {
        long total = 0;
        for (long c : cents) {
            total += Math.abs(c);
        }
        return total == 0 ? 1 : (Math.pow(2, cents.length) - cents.length - 1) / (double) total;
    }

    private static long sum(long[] cents, int offset, int count, int mask) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if ((mask & (1 << i)) != 0) {
                sum += cents[offset + i];
            }
        }
        return sum;
    }

    private static List<Integer> indexes(int leftMask, int rightMask, int left) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            if ((leftMask & (1 << i)) != 0) {
                result.add(i);
            }
        }
        for (int i = 0; i < 32; i++) {
            if ((rightMask & (1 << i)) != 0) {
                result.add(left + i);
            }
        }
        return result;
    }
}
