package io.creditflow.law;

import io.creditflow.law.InterestCalculation.InterestPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Golden vectors worked out by hand from the rate table in nl-collection-law.md (each period: base x rate x days /
 * 365, rounded half-up to cents; the base grows by the year's interest on each anniversary of {@code from}).
 */
class StatutoryInterestUnitTest {

    private final StatutoryInterest interest = StatutoryInterest.dutch();

    /*
     * 10,000.00 consumer from 2022-03-15 to 2025-09-30 (1,295 days). Consumer rates: 2 % since 2015, 4 % from
     * 2023-01-01, 6 % from 2023-07-01, 7 % from 2024-01-01 (the 2024-07-01 row repeats 7 %: no split), 6 % from
     * 2025-01-01 (the 2025-07-01 row repeats 6 % and is UNCERTAIN: no split, the period is flagged).
     *
     *  2022-03-15..2023-01-01  292 d  10,000.00 x 2 % x 292/365 = 160.00   (292/365 = 0.8)
     *  2023-01-01..2023-03-15   73 d  10,000.00 x 4 % x  73/365 =  80.00   (73/365 = 0.2)
     *    anniversary 2023-03-15: base 10,000.00 + 240.00 = 10,240.00
     *  2023-03-15..2023-07-01  108 d  10,240.00 x 4 % x 108/365 = 44,236.80/365 = 121.1967 -> 121.20
     *  2023-07-01..2024-01-01  184 d  10,240.00 x 6 % x 184/365 = 113,049.60/365 = 309.7249 -> 309.72
     *  2024-01-01..2024-03-15   74 d  10,240.00 x 7 % x  74/365 = 53,043.20/365 = 145.3238 -> 145.32 (29 Feb counts)
     *    anniversary 2024-03-15: base 10,240.00 + 576.24 = 10,816.24
     *  2024-03-15..2025-01-01  292 d  10,816.24 x 7 % x 0.8 = 605.70944 -> 605.71
     *  2025-01-01..2025-03-15   73 d  10,816.24 x 6 % x 0.2 = 129.79488 -> 129.79
     *    anniversary 2025-03-15: base 10,816.24 + 735.50 = 11,551.74
     *  2025-03-15..2025-09-30  199 d  11,551.74 x 6 % x 199/365 = 137,927.7756/365 = 377.8843 -> 377.88
     *  total 160.00 + 80.00 + 121.20 + 309.72 + 145.32 + 605.71 + 129.79 + 377.88 = 1,929.62
     */
    @Test
    void consumerTenThousandFrom2022To2025() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("10000.00"),
                LocalDate.of(2022, 3, 15), LocalDate.of(2025, 9, 30), InterestKind.CONSUMER));

        assertThat(result.periods()).extracting(InterestPeriod::from, p -> p.base().toPlainString(),
                p -> p.ratePercent().toPlainString(), InterestPeriod::days, p -> p.interest().toPlainString())
                .containsExactly(
                        tuple(LocalDate.of(2022, 3, 15), "10000.00", "2.00", 292L, "160.00"),
                        tuple(LocalDate.of(2023, 1, 1), "10000.00", "4.00", 73L, "80.00"),
                        tuple(LocalDate.of(2023, 3, 15), "10240.00", "4.00", 108L, "121.20"),
                        tuple(LocalDate.of(2023, 7, 1), "10240.00", "6.00", 184L, "309.72"),
                        tuple(LocalDate.of(2024, 1, 1), "10240.00", "7.00", 74L, "145.32"),
                        tuple(LocalDate.of(2024, 3, 15), "10816.24", "7.00", 292L, "605.71"),
                        tuple(LocalDate.of(2025, 1, 1), "10816.24", "6.00", 73L, "129.79"),
                        tuple(LocalDate.of(2025, 3, 15), "11551.74", "6.00", 199L, "377.88"));
        assertThat(result.interest()).isEqualByComparingTo("1929.62");
        assertThat(result.periods().getLast().to()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(result.periods()).extracting(InterestPeriod::rateUncertain)
                .containsExactly(false, false, false, false, false, false, false, true);
        assertThat(result.uncertainRates()).isTrue();
        assertThat(result.capitalisations()).extracting(c -> c.amount().toPlainString())
                .containsExactly("240.00", "576.24", "735.50");
        assertThat(result.openInterest()).isEqualByComparingTo("1929.62");
        assertThat(result.openPrincipal()).isEqualByComparingTo("10000.00");
    }

    /*
     * 5,000.00 commercial from 2023-05-10 to 2025-02-20, across five half-year rates.
     *  2023-05-10..2023-07-01   52 d  5,000.00 x 10.50 % x  52/365 = 27,300/365 = 74.7945 -> 74.79
     *  2023-07-01..2024-01-01  184 d  5,000.00 x 12.00 % x 184/365 = 110,400/365 = 302.4658 -> 302.47
     *  2024-01-01..2024-05-10  130 d  5,000.00 x 12.50 % x 130/365 = 81,250/365 = 222.6027 -> 222.60
     *    anniversary 2024-05-10: base 5,000.00 + 599.86 = 5,599.86
     *  2024-05-10..2024-07-01   52 d  5,599.86 x 12.50 % x  52/365 = 36,399.09/365 = 99.7235 -> 99.72
     *  2024-07-01..2025-01-01  184 d  5,599.86 x 12.25 % x 184/365 = 126,220.8444/365 = 345.8105 -> 345.81
     *  2025-01-01..2025-02-20   50 d  5,599.86 x 11.15 % x  50/365 = 31,219.2195/365 = 85.5321 -> 85.53
     *  total 1,130.92
     */
    @Test
    void commercialAcrossSeveralHalfYearChanges() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("5000.00"),
                LocalDate.of(2023, 5, 10), LocalDate.of(2025, 2, 20), InterestKind.COMMERCIAL));

        assertThat(result.periods()).extracting(p -> p.ratePercent().toPlainString(), InterestPeriod::days,
                        p -> p.interest().toPlainString())
                .containsExactly(tuple("10.50", 52L, "74.79"), tuple("12.00", 184L, "302.47"),
                        tuple("12.50", 130L, "222.60"), tuple("12.50", 52L, "99.72"),
                        tuple("12.25", 184L, "345.81"), tuple("11.15", 50L, "85.53"));
        assertThat(result.interest()).isEqualByComparingTo("1130.92");
        assertThat(result.periods().get(3).base()).isEqualByComparingTo("5599.86");
        assertThat(result.uncertainRates()).isFalse();
    }

    // 1,000.00 consumer, 2016-08-01..2016-12-01: 122 days at 2 % = 2,440/365 = 6.6849 -> 6.68
    @Test
    void periodInsideOneRate() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("1000"),
                LocalDate.of(2016, 8, 1), LocalDate.of(2016, 12, 1), InterestKind.CONSUMER));
        assertThat(result.periods()).singleElement().satisfies(p -> assertThat(p.days()).isEqualTo(122));
        assertThat(result.interest()).isEqualByComparingTo("6.68");
    }

    // 10,000.00 commercial over all of 2020: 366 days / 365 at 8 % = 292,800/365 = 802.1918 -> 802.19. The
    // anniversary falls on `to` itself, so it neither splits nor capitalises.
    @Test
    void leapYearCountsItsDayOverThreeHundredSixtyFive() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("10000"),
                LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), InterestKind.COMMERCIAL));
        assertThat(result.periods()).singleElement().satisfies(p -> assertThat(p.days()).isEqualTo(366));
        assertThat(result.interest()).isEqualByComparingTo("802.19");
        assertThat(result.capitalisations()).isEmpty();
    }

    /*
     * 1,000.00 consumer from 29 February 2020: anniversaries on 28 February in common years.
     *  2020-02-29..2021-02-28  365 d  1,000.00 x 2 % = 20.00 -> base 1,020.00
     *  2021-02-28..2022-02-28  365 d  1,020.00 x 2 % = 20.40 -> base 1,040.40
     *  2022-02-28..2022-03-01    1 d  1,040.40 x 2 % / 365 = 0.0570 -> 0.06      total 40.46
     */
    @Test
    void anniversaryOfTwentyNinthFebruary() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("1000"),
                LocalDate.of(2020, 2, 29), LocalDate.of(2022, 3, 1), InterestKind.CONSUMER));
        assertThat(result.capitalisations()).extracting(InterestCalculation.Capitalisation::date)
                .containsExactly(LocalDate.of(2021, 2, 28), LocalDate.of(2022, 2, 28));
        assertThat(result.periods()).extracting(p -> p.interest().toPlainString())
                .containsExactly("20.00", "20.40", "0.06");
        assertThat(result.interest()).isEqualByComparingTo("40.46");
    }

    @Test
    void zeroLengthPeriodHasNoInterest() {
        LocalDate day = LocalDate.of(2024, 5, 1);
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("1000"), day, day,
                InterestKind.COMMERCIAL).withPayments(new InterestPayment(day, new BigDecimal("100"))));
        assertThat(result.interest()).isZero().hasScaleOf(2);
        assertThat(result.periods()).isEmpty();
        assertThat(result.openPrincipal()).isEqualByComparingTo("900.00");
    }

    @Test
    void rateTableStartsIn2012() {
        assertThatIllegalArgumentException().isThrownBy(() -> interest.calculate(InterestRequest.of(BigDecimal.TEN,
                        LocalDate.of(2011, 12, 31), LocalDate.of(2012, 6, 1), InterestKind.CONSUMER)))
                .withMessage("from: no CONSUMER interest rate is known for 2011-12-31; the table starts on 2012-01-01");
    }

    @Test
    void rejectsBadInputNamingTheField() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 6, 1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InterestRequest.of(new BigDecimal("-0.01"), from, to, InterestKind.CONSUMER))
                .withMessageStartingWith("principal: must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InterestRequest.of(BigDecimal.TEN, to, from, InterestKind.CONSUMER))
                .withMessage("to: 2024-01-01 is before from 2024-06-01");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InterestRequest.of(BigDecimal.TEN, from, to, null))
                .withMessage("kind: is required");
        InterestRequest request = InterestRequest.of(BigDecimal.TEN, from, to, InterestKind.CONSUMER);
        assertThatIllegalArgumentException().isThrownBy(() -> request.withPayments(
                        new InterestPayment(from, BigDecimal.ONE), new InterestPayment(to.plusDays(1), BigDecimal.ONE)))
                .withMessage("payments[1].date: 2024-06-02 is outside 2024-01-01 to 2024-06-01");
        assertThatIllegalArgumentException().isThrownBy(() -> new InterestPayment(from, BigDecimal.ZERO))
                .withMessage("amount: must be greater than zero");
        assertThatIllegalArgumentException().isThrownBy(() -> request.withOpenCosts(new BigDecimal("1.234")))
                .withMessageStartingWith("openCosts: must have at most 2 decimals");
    }

    @Test
    void periodsCoverTheWholeRangeWithoutGaps() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("777.77"),
                LocalDate.of(2013, 2, 1), LocalDate.of(2019, 11, 5), InterestKind.COMMERCIAL));
        List<InterestPeriod> periods = result.periods();
        assertThat(periods.getFirst().from()).isEqualTo(LocalDate.of(2013, 2, 1));
        assertThat(periods.getLast().to()).isEqualTo(LocalDate.of(2019, 11, 5));
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).from()).isEqualTo(periods.get(i - 1).to());
        }
        assertThat(periods.stream().mapToLong(InterestPeriod::days).sum())
                .isEqualTo(LocalDate.of(2013, 2, 1).until(LocalDate.of(2019, 11, 5), java.time.temporal.ChronoUnit.DAYS));
        // every split is an anniversary (1 February) or a real rate change; the 2016-07-01 and 2013-07-01 rows
        // change the commercial rate and split, rows repeating a rate would not
        for (int i = 1; i < periods.size(); i++) {
            InterestPeriod period = periods.get(i);
            boolean anniversary = period.from().getDayOfMonth() == 1 && period.from().getMonthValue() == 2;
            boolean rateChange = period.ratePercent().compareTo(periods.get(i - 1).ratePercent()) != 0;
            assertThat(anniversary || rateChange).as(period.toString()).isTrue();
        }
        assertThat(periods.stream().map(p -> p.ratePercent().toPlainString()).distinct())
                .containsExactly("7.75", "8.75", "8.50", "8.25", "8.15", "8.05", "8.00");
    }
}
