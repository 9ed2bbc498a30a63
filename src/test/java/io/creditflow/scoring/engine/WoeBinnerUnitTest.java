package io.creditflow.scoring.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WoeBinnerUnitTest {

    private final WoeBinner binner = new WoeBinner(BinningOptions.defaults());

    /** Random numeric data whose risk rises or falls with the value, with noise and some missing values. */
    private static Dataset numeric(long seed, int rows) {
        Random random = new Random(seed);
        boolean rising = random.nextBoolean();
        double[] x = new double[rows];
        boolean[] bad = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = random.nextDouble() < 0.05 ? Double.NaN : Math.round(random.nextGaussian() * 1000) / 10.0;
            double z = Double.isNaN(x[r]) ? 1 : (rising ? 1 : -1) * x[r] / 100;
            bad[r] = random.nextDouble() < 1 / (1 + Math.exp(1 - z + random.nextGaussian()));
        }
        return new Dataset(List.of(new Column.Numeric("x", x)), "y", bad);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void numericBinsHaveAMonotoneEventRateAndRespectTheLimits(long seed) {
        Dataset data = numeric(seed, 3000);
        Binning binning = binner.bin(data.columns().getFirst(), data.bad());
        List<Bin> regular = binning.bins().subList(0, binning.cuts().size() + 1);
        assertThat(regular.size()).isBetween(1, 8);
        regular.forEach(bin -> assertThat(bin.count()).isGreaterThanOrEqualTo((long) Math.ceil(0.05 * data.rows())));
        boolean rising = regular.getLast().eventRate() >= regular.getFirst().eventRate();
        for (int i = 1; i < regular.size(); i++) {
            double step = regular.get(i).eventRate() - regular.get(i - 1).eventRate();
            assertThat(rising ? step : -step).as("bin %d of seed %d", i, seed).isPositive();
        }
        assertThat(binning.bins().get(binning.missingBin()).label()).isEqualTo("missing");
        assertThat(binning.cuts()).isSorted();
    }

    @Test
    void valuesFindTheirBins() {
        Dataset data = numeric(3, 2000);
        Binning binning = binner.bin(data.columns().getFirst(), data.bad());
        assertThat(binning.binOf(null)).isEqualTo(binning.missingBin());
        assertThat(binning.binOf(-1e9)).isZero();
        assertThat(binning.binOf(1e9)).isEqualTo(binning.cuts().size());
        assertThat(binning.binOf("1e9")).isEqualTo(binning.cuts().size());
        assertThat(binning.binOf(binning.cuts().getFirst())).isEqualTo(1);
        assertThat(binning.woe(Binning.UNSEEN)).isZero();
    }

    @Test
    void specialValuesGetTheirOwnBin() {
        double[] x = new double[400];
        boolean[] bad = new boolean[400];
        for (int r = 0; r < x.length; r++) {
            x[r] = r % 10 == 0 ? -999 : r;
            bad[r] = r % 10 == 0 || r % 3 == 0;
        }
        BinningOptions defaults = BinningOptions.defaults();
        BinningOptions options = new BinningOptions(defaults.maxFineBins(), defaults.minBinShare(),
                defaults.minCategoryShare(), defaults.maxBins(), defaults.categoryPrior(),
                defaults.discreteMaxLevels(), Set.of(-999.0), defaults.massPointShare(), 0);
        Binning binning = new WoeBinner(options).bin(new Column.Numeric("x", x), bad);
        int special = binning.binOf(-999);
        assertThat(binning.bins().get(special).label()).isEqualTo("special -999");
        assertThat(binning.bins().get(special).bads()).isEqualTo(40);
        assertThat(binning.missingBin()).isEqualTo(Binning.UNSEEN);
    }

    /**
     * 300 postcodes of which most are seen a handful of times, with three true risk levels: the rare ones must be
     * spread by their risk over several bins, not collapse into one "other" bin.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void highCardinalityCategoriesAreSpreadByRisk(long seed) {
        Random random = new Random(seed);
        int rows = 6000;
        String[] postcode = new String[rows];
        boolean[] bad = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int code = random.nextInt(300);
            postcode[r] = "PC" + code;
            double risk = switch (code % 3) {
                case 0 -> 0.05;
                case 1 -> 0.25;
                default -> 0.6;
            };
            bad[r] = random.nextDouble() < risk;
        }
        Binning binning = binner.bin(new Column.Categorical("postcode", postcode), bad);
        assertThat(binning.kind()).isEqualTo(Binning.Kind.CATEGORICAL);
        assertThat(binning.bins().size()).isBetween(3, 8);
        long rareInLowestBin = binning.levels().entrySet().stream().filter(e -> e.getValue() == 0).count();
        assertThat(rareInLowestBin).isLessThan(200);
        for (int i = 1; i < binning.bins().size(); i++) {
            assertThat(binning.bins().get(i).eventRate()).isGreaterThan(binning.bins().get(i - 1).eventRate());
        }
        assertThat(binning.informationValue()).isGreaterThan(0.5);
        assertThat(binning.binOf("never seen")).isEqualTo(Binning.UNSEEN);
    }

    @Test
    void fewValuedNumericCodesAreGroupedLikeCategories() {
        double[] months = new double[1000];
        boolean[] bad = new boolean[1000];
        Random random = new Random(5);
        for (int r = 0; r < months.length; r++) {
            months[r] = random.nextInt(5) - 2; // -2..2, risk not monotone: -1 is the best
            bad[r] = random.nextDouble() < (months[r] == -1 ? 0.05 : months[r] >= 1 ? 0.6 : 0.25);
        }
        Binning binning = binner.bin(new Column.Numeric("pay", months), bad);
        assertThat(binning.kind()).isEqualTo(Binning.Kind.DISCRETE);
        assertThat(binning.binOf(-1)).isZero();
        assertThat(binning.binOf("-1.00")).isZero();
        assertThat(binning.binOf(7)).isEqualTo(Binning.UNSEEN);
    }

    /** A third of the applicants declare no income: they are a group of their own, not the bottom of the scale. */
    @Test
    void aValueHeldByAFifthOfTheRowsGetsItsOwnBin() {
        Random random = new Random(8);
        double[] income = new double[3000];
        boolean[] bad = new boolean[3000];
        for (int r = 0; r < income.length; r++) {
            boolean none = r % 3 == 0;
            income[r] = none ? 0 : 500 + random.nextInt(5000);
            double risk = none ? 0.2 : income[r] < 2000 ? 0.5 : 0.1;
            bad[r] = random.nextDouble() < risk;
        }
        Binning binning = binner.bin(new Column.Numeric("income", income), bad);
        int zero = binning.binOf(0);
        assertThat(binning.bins().get(zero).label()).isEqualTo("= 0");
        assertThat(binning.bins().get(zero).count()).isEqualTo(1000);
        assertThat(binning.binOf(-0.0)).isEqualTo(zero);
        assertThat(binning.binOf(600)).isNotEqualTo(zero);
        assertThat(binning.bins().get(binning.binOf(600)).eventRate()).isGreaterThan(0.4);
    }

    /** Risk high for the young and the old, low in between: with a shape gain the bins may fall, then rise. */
    @Test
    void aValleyShapeWhenAskedFor() {
        Random random = new Random(4);
        double[] age = new double[4000];
        boolean[] bad = new boolean[4000];
        for (int r = 0; r < age.length; r++) {
            age[r] = 18 + random.nextInt(60);
            double distance = Math.abs(age[r] - 45) / 27;
            bad[r] = random.nextDouble() < 0.1 + 0.4 * distance;
        }
        Column column = new Column.Numeric("age", age);
        BinningOptions d = BinningOptions.defaults();
        BinningOptions shaped = new BinningOptions(d.maxFineBins(), d.minBinShare(), d.minCategoryShare(), d.maxBins(),
                d.categoryPrior(), d.discreteMaxLevels(), d.specialValues(), d.massPointShare(), 0.1);
        List<Bin> monotone = binner.bin(column, bad).bins();
        List<Bin> valley = new WoeBinner(shaped).bin(column, bad).bins();
        assertThat(Woe.informationValue(valley)).isGreaterThan(1.1 * Woe.informationValue(monotone));
        int lowest = 0;
        for (int i = 1; i < valley.size(); i++) {
            lowest = valley.get(i).eventRate() < valley.get(lowest).eventRate() ? i : lowest;
        }
        assertThat(lowest).isBetween(1, valley.size() - 2);
        for (int i = 1; i < valley.size(); i++) {
            double step = valley.get(i).eventRate() - valley.get(i - 1).eventRate();
            assertThat(i <= lowest ? -step : step).isPositive();
        }
    }

    /** Uniform x in [0, 100) with a bad rate logistic in x: {@code -3 + x / 20} (strong) or flat at 27 % (noise). */
    private static Column.Numeric uniform(long seed, int rows, boolean strong, boolean[] bad) {
        Random random = new Random(seed);
        double[] x = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = random.nextDouble() * 100;
            double z = strong ? -3 + x[r] / 20 : -1;
            bad[r] = random.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        return new Column.Numeric("x", x);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aStrongSmoothEffectOnManyRowsKeepsTheFinestClassing(long seed) {
        boolean[] bad = new boolean[20_000];
        Column.Numeric x = uniform(seed, bad.length, true, bad);
        Binning binning = binner.bin(x, bad);
        assertThat(binning.classing().chosen()).isTrue();
        assertThat(binning.classing().maxBins()).isEqualTo(8);
        assertThat(binning.cuts()).hasSize(7);
    }

    /** Bins fitted to noise do not hold on held-out rows: the choice takes fewer, larger bins for most seeds. */
    @Test
    void noiseGetsACoarserClassing() {
        int coarser = 0;
        for (long seed = 1; seed <= 10; seed++) {
            boolean[] bad = new boolean[800];
            Binning binning = binner.bin(uniform(seed, bad.length, false, bad), bad);
            assertThat(binning.classing().minBinShare()).isIn(0.05, 0.075, 0.1);
            assertThat(binning.cuts().size() + 1).isLessThanOrEqualTo(binning.classing().maxBins());
            coarser += binning.classing().maxBins() < 8 ? 1 : 0;
        }
        assertThat(coarser).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theChoiceIsDeterministicAndCanBeSwitchedOff() {
        boolean[] bad = new boolean[800];
        Column.Numeric x = uniform(1, bad.length, false, bad);
        Binning chosen = binner.bin(x, bad);
        assertThat(binner.bin(x, bad)).isEqualTo(chosen);
        assertThat(new WoeBinner(BinningOptions.defaults()).bin(x, bad)).isEqualTo(chosen);
        BinningOptions fixed = BinningOptions.defaults().withClassing(8, 0.05, 0);
        Binning binning = new WoeBinner(fixed).bin(x, bad);
        assertThat(binning.classing()).isEqualTo(new Binning.Classing(8, 0.05, false));
        assertThat(chosen.classing().maxBins()).isLessThan(8);
        assertThat(binning.cuts().size()).isGreaterThan(chosen.cuts().size());
    }

    @Test
    void everyCandidateKeepsTheLimitsOfTheSpecification() {
        List<BinningOptions> candidates = new ClassingChoice(BinningOptions.defaults()).candidates();
        assertThat(candidates).hasSize(9);
        assertThat(candidates.getFirst().maxBins()).isEqualTo(8);
        assertThat(candidates.getFirst().minBinShare()).isEqualTo(0.05);
        candidates.forEach(c -> {
            assertThat(c.maxBins()).isIn(4, 6, 8);
            assertThat(c.minBinShare()).isIn(0.05, 0.075, 0.1);
            assertThat(c.maxFineBins()).isEqualTo(20);
            assertThat(c.classingFolds()).isZero();
        });
        assertThatThrownBy(() -> BinningOptions.defaults().withClassing(8, 0.05, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classingFolds");
    }
}
