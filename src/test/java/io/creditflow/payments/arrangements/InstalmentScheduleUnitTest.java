package io.creditflow.payments.arrangements;

import io.creditflow.payments.PaymentPlans.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstalmentScheduleUnitTest {

    @Test
    void centsThatDoNotDivideGoOnTheLastInstalment() {
        List<InstalmentSchedule.Instalment> plan = InstalmentSchedule.of(new BigDecimal("100.00"), 3,
                LocalDate.of(2026, 1, 31), Frequency.MONTHLY);
        assertThat(plan).extracting(InstalmentSchedule.Instalment::amount)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
        assertThat(plan).extracting(InstalmentSchedule.Instalment::dueDate).containsExactly(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
    }

    @Test
    void weeklyAndFortnightly() {
        assertThat(InstalmentSchedule.of(new BigDecimal("10.00"), 3, LocalDate.of(2026, 3, 2), Frequency.FORTNIGHTLY))
                .extracting(InstalmentSchedule.Instalment::dueDate)
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 30));
        assertThat(InstalmentSchedule.of(new BigDecimal("10.00"), 2, LocalDate.of(2026, 3, 2), Frequency.WEEKLY))
                .extracting(InstalmentSchedule.Instalment::dueDate)
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
    }

    static LongStream seeds() {
        return new SplittableRandom(4242).longs(50);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void instalmentsAddUpToTheTotalExactlyAndDifferByLessThanTheirCount(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BigDecimal total = BigDecimal.valueOf(100 + rnd.nextLong(10_000_000), 2);
        int count = 1 + rnd.nextInt(60);
        List<InstalmentSchedule.Instalment> plan = InstalmentSchedule.of(total, count, LocalDate.of(2026, 5, 1),
                Frequency.MONTHLY);
        assertThat(plan).hasSize(count);
        assertThat(plan.stream().map(InstalmentSchedule.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(total);
        BigDecimal first = plan.getFirst().amount();
        assertThat(plan.getLast().amount().subtract(first)).isLessThan(BigDecimal.valueOf(count, 2));
        assertThat(plan).allMatch(i -> i.amount().scale() == 2 && i.amount().signum() > 0);
    }

    @Test
    void refusesWhatCannotBeAPlan() {
        assertThatThrownBy(() -> InstalmentSchedule.of(new BigDecimal("0.02"), 3, LocalDate.of(2026, 1, 1),
                Frequency.MONTHLY)).hasMessageContaining("0.01");
        assertThatThrownBy(() -> InstalmentSchedule.of(new BigDecimal("10.00"), 61, LocalDate.of(2026, 1, 1),
                Frequency.MONTHLY)).hasMessageContaining("1 to 60");
    }
}
