package io.creditflow.scoring.engine;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossValidationUnitTest {

    @Test
    void foldsAreStratifiedAndFollowTheSeed() {
        Random random = new Random(1);
        boolean[] bad = new boolean[1003];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = random.nextDouble() < 0.3;
        }
        int bads = (int) IntStream.range(0, bad.length).filter(i -> bad[i]).count();
        int[] folds = CrossValidation.folds(bad, 10, 42);
        for (int k = 0; k < 10; k++) {
            int fold = k;
            long badsInFold = IntStream.range(0, bad.length).filter(i -> folds[i] == fold && bad[i]).count();
            long size = IntStream.range(0, bad.length).filter(i -> folds[i] == fold).count();
            assertThat(badsInFold).isBetween((long) bads / 10, (long) bads / 10 + 1);
            assertThat(size).isBetween(100L, 101L);
        }
        assertThat(CrossValidation.folds(bad, 10, 42)).isEqualTo(folds);
        assertThat(CrossValidation.folds(bad, 10, 43)).isNotEqualTo(folds);
    }

    @Test
    void needsTwoFoldsAndEnoughCasesOfEachClass() {
        assertThatThrownBy(() -> CrossValidation.folds(new boolean[10], 1, 1))
                .hasMessageContaining("at least 2 folds");
        Dataset tiny = SyntheticData.loans(1, 30);
        assertThatThrownBy(() -> CrossValidation.run(tiny, new ScorecardTrainer(ScorecardOptions.defaults()), 50, 1))
                .isInstanceOf(DataException.class).hasMessageContaining("too few bads or goods for 50 folds");
    }
}
