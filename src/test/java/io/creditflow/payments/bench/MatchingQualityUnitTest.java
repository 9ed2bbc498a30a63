package io.creditflow.payments.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated noisy set at a small scale, in memory: what is applied automatically must be right at least 99.5 % of
 * the time, and most payments must not need a person. The full-scale figures are in docs/benchmarks.md.
 */
class MatchingQualityUnitTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 20_260_316L, 77})
    void automaticMatchesAreRightAndMostPaymentsNeedNoPerson(long seed) {
        MatchQuality quality = InMemoryQualityRun.run(seed, LocalDate.of(2026, 3, 16), 8_000,
                InMemoryQualityRun.defaults());
        System.out.println(quality.table());
        assertThat(quality.total().precision()).as(quality.table()).isGreaterThanOrEqualTo(0.995);
        assertThat(quality.forInvoices().automation()).as(quality.table()).isGreaterThan(0.85);
        assertThat(quality.byNoise().get(Noise.UNRELATED).automatic()).isZero();
    }
}
