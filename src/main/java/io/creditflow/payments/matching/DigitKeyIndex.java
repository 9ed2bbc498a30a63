package io.creditflow.payments.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The digit keys of a tenant's open invoice numbers in one sorted {@code long[]} (8 bytes per invoice: a million
 * open invoices take 8 MB), answering "which invoice numbers are one typing error away from what the payer wrote?"
 * by probing every variant at Damerau-Levenshtein distance 1 (a digit wrong, two swapped, one missing, one extra)
 * with a binary search. Probing about 20 variants per digit costs microseconds, where asking the database for each
 * variant would cost milliseconds per payment. Keys of more than 17 digits are left out (they do not fit the
 * encoding, and invoice numbers that long do not occur in practice).
 */
public final class DigitKeyIndex {

    static final int MAX_DIGITS = 17;
    private static final DigitKeyIndex EMPTY = new DigitKeyIndex(new long[0]);

    private final long[] keys;

    private DigitKeyIndex(long[] sortedDistinct) {
        this.keys = sortedDistinct;
    }

    public static DigitKeyIndex empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DigitKeyIndex of(Iterable<String> digitKeys) {
        Builder builder = builder();
        digitKeys.forEach(builder::add);
        return builder.build();
    }

    public int size() {
        return keys.length;
    }

    public boolean contains(String digits) {
        long encoded = encode(digits.toCharArray(), digits.length());
        return encoded >= 0 && Arrays.binarySearch(keys, encoded) >= 0;
    }

    /** The keys in the index at distance exactly 1 from {@code digits}, in a stable order. */
    public List<String> neighbours(String digits) {
        char[] word = digits.toCharArray();
        Set<Long> found = new LinkedHashSet<>();
        char[] buffer = new char[word.length + 1];
        substitutionsAndTranspositions(word, buffer, found);
        deletions(word, buffer, found);
        insertions(word, buffer, found);
        long self = encode(word, word.length);
        found.remove(self);
        List<String> result = new ArrayList<>(found.size());
        found.forEach(key -> result.add(decode(key)));
        return result;
    }

    private void substitutionsAndTranspositions(char[] word, char[] buffer, Set<Long> found) {
        int n = word.length;
        System.arraycopy(word, 0, buffer, 0, n);
        for (int i = 0; i < n; i++) {
            char original = buffer[i];
            for (char d = '0'; d <= '9'; d++) {
                if (d != original) {
                    buffer[i] = d;
                    probe(buffer, n, found);
                }
            }
            buffer[i] = original;
        }
        for (int i = 0; i + 1 < n; i++) {
            if (buffer[i] != buffer[i + 1]) {
                swap(buffer, i);
                probe(buffer, n, found);
                swap(buffer, i);
            }
        }
    }

    private void deletions(char[] word, char[] buffer, Set<Long> found) {
        int n = word.length;
        for (int skip = 0; skip < n; skip++) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i != skip) {
                    buffer[k++] = word[i];
                }
            }
            probe(buffer, n - 1, found);
        }
    }

    private void insertions(char[] word, char[] buffer, Set<Long> found) {
        int n = word.length;
        for (int at = 0; at <= n; at++) {
            System.arraycopy(word, 0, buffer, 0, at);
            System.arraycopy(word, at, buffer, at + 1, n - at);
            for (char d = '0'; d <= '9'; d++) {
                buffer[at] = d;
                probe(buffer, n + 1, found);
            }
        }
    }

    private void probe(char[] buffer, int length, Set<Long> found) {
        long encoded = encode(buffer, length);
        if (encoded >= 0 && Arrays.binarySearch(keys, encoded) >= 0) {
            found.add(encoded);
        }
    }

    private static void swap(char[] buffer, int i) {
        char c = buffer[i];
        buffer[i] = buffer[i + 1];
        buffer[i + 1] = c;
    }

    /** The value and the length (leading zeros matter: 0042 is not 42), or -1 when it is not a key. */
    static long encode(char[] digits, int length) {
        if (length == 0 || length > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = digits[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value * 32 + length;
    }

    static String decode(long encoded) {
        int length = (int) (encoded & 31);
        String value = Long.toString(encoded >>> 5);
        return "0".repeat(length - value.length()) + value;
    }

    /** Collects keys; duplicates and keys that are not digits are ignored. */
    public static final class Builder {
        private long[] keys = new long[1024];
        private int size;

        public Builder add(String digits) {
            long encoded = encode(digits.toCharArray(), digits.length());
            if (encoded >= 0) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                }
                keys[size++] = encoded;
            }
            return this;
        }

        public DigitKeyIndex build() {
            long[] sorted = Arrays.copyOf(keys, size);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            return new DigitKeyIndex(Arrays.copyOf(sorted, distinct));
        }
    }
}
