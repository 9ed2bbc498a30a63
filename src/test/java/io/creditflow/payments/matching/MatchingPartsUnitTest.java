package io.creditflow.payments.matching;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The building blocks of matching against brute force, on seeded random input (a failing seed reproduces). */
class MatchingPartsUnitTest {

    static LongStream seeds() {
        return new SplittableRandom(20_260_316L).longs(40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void digitKeyNeighboursAreExactlyTheKeysAtDistanceOne(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            keys.add(digits(rnd, 5 + rnd.nextInt(4)));
        }
        DigitKeyIndex index = DigitKeyIndex.of(keys);
        for (int probe = 0; probe < 12; probe++) {
            String query = rnd.nextBoolean() ? keys.get(rnd.nextInt(keys.size())) : digits(rnd, 5 + rnd.nextInt(4));
            Set<String> expected = new HashSet<>();
            for (String key : new HashSet<>(keys)) {
                if (damerau(query, key) == 1) {
                    expected.add(key);
                }
            }
            assertThat(new HashSet<>(index.neighbours(query))).as(query).isEqualTo(expected);
        }
    }

    @Test
    void leadingZerosAreKeptApart() {
        DigitKeyIndex index = DigitKeyIndex.of(List.of("0042", "42", "00000000000000001"));
        assertThat(index.contains("0042")).isTrue();
        assertThat(index.contains("042")).isFalse();
        assertThat(index.neighbours("042")).containsExactlyInAnyOrder("0042", "42");
        assertThat(index.contains("00000000000000001")).isTrue();
        assertThat(index.size()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void betalingskenmerkValidityAgreesWithTheValueObject(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            String value = digits(rnd, 7 + rnd.nextInt(10));
            assertThat(ReferenceCorrection.isBetalingskenmerk(value)).as(value)
                    .isEqualTo(Betalingskenmerk.isValid(value));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMistypedReferenceHasTheOriginalAmongItsCorrections(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String reference = Betalingskenmerk.generate(rnd.nextLong(1_000_000_000_000_000L)).value();
        char[] typo = reference.toCharArray();
        int at = rnd.nextInt(typo.length);
        typo[at] = (char) ('0' + (typo[at] - '0' + 1 + rnd.nextInt(9)) % 10);
        String mistyped = new String(typo);
        if (!ReferenceCorrection.isBetalingskenmerk(mistyped)) {
            List<String> candidates = ReferenceCorrection.candidates(mistyped);
            assertThat(candidates).contains(reference);
            assertThat(candidates).allMatch(Betalingskenmerk::isValid);
            assertThat(candidates.size()).isLessThan(40);
        }
    }

    @Test
    void rfReferencesAreCorrectedToo() {
        assertThat(ReferenceCorrection.candidates("RF18539007547043")).contains("RF18539007547034");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void subsetSumFindsExactlyTheCombinationsBruteForceFinds(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 2 + rnd.nextInt(12);
        long[] cents = new long[n];
        for (int i = 0; i < n; i++) {
            cents[i] = 100 + rnd.nextInt(5000);
        }
        int mask = 0;
        while (Integer.bitCount(mask) < 2) {
            mask = rnd.nextInt(1 << n);
        }
        long target = 0;
        for (int i = 0; i < n; i++) {
            if ((mask & (1 << i)) != 0) {
                target += cents[i];
            }
        }
        int bruteForce = 0;
        for (int m = 0; m < (1 << n); m++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                if ((m & (1 << i)) != 0) {
                    sum += cents[i];
                }
            }
            if (sum == target && Integer.bitCount(m) >= 2) {
                bruteForce++;
            }
        }
        List<List<Integer>> found = SubsetSum.solve(cents, target, 1000);
        assertThat(found).hasSize(bruteForce);
        for (List<Integer> solution : found) {
            assertThat(solution.stream().mapToLong(i -> cents[i]).sum()).isEqualTo(target);
        }
    }

    @Test
    void featuresReadReferencesNumbersAndNames() {
        Features f = FeatureExtractor.extract(new PaymentItem(Money.euros("10.00"), MatchingFixture.TODAY, null,
                "5000 0567 8901 2345", "Betalingskenmerk 3010 0021 6704 2021 en factuur INV-2024.0042 / RF18 5390 0754 7034",
                "Bakkerij De Vries & Zn B.V.", "nl91 abna 0417 1643 00"));
        assertThat(f.structuredReference()).isEqualTo("5000056789012345");
        assertThat(f.references()).containsExactly("5000056789012345", "3010002167042021", "RF18539007547034");
        assertThat(f.numberKeys()).contains("INV20240042");
        assertThat(f.digitKeys()).contains("20240042");
        assertThat(f.nameWords()).containsExactly("bakkerij", "vries", "zn");
        assertThat(f.iban()).isEqualTo("NL91ABNA0417164300");
    }

    private static String digits(SplittableRandom rnd, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    /** Optimal string alignment distance (edits and adjacent transpositions). */
    private static int damerau(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
