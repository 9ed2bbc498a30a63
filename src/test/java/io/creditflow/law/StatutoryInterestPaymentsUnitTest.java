package io.creditflow.law;

import io.creditflow.law.InterestCalculation.PaymentApplication;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Payments: costs first, then interest (capitalised interest before the current year's), then principal; the base
 * is the unpaid principal plus unpaid capitalised interest. Vectors worked by hand; the commercial rate is 8 % from
 * 2016-07-01 to 2022-12-31, the consumer rate 2 % from 2015-01-01 to 2022-12-31.
 */
class StatutoryInterestPaymentsUnitTest {

    private static final LocalDate FROM = LocalDate.of(2018, 1, 1);
    private static final LocalDate TO = LocalDate.of(2020, 1, 1);

    private final StatutoryInterest interest = StatutoryInterest.dutch();

    /*
     * 10,000.00 commercial 2018-01-01..2020-01-01; 1,000.00 paid 2018-07-01 (before the first anniversary) and
     * 2,000.00 paid 2019-07-01 (after it).
     *  2018-01-01..2018-07-01 181 d 10,000.00 x 8 % x 181/365 = 144,800/365 = 396.7123 -> 396.71
     *    pay 1,000.00: interest 396.71, principal 603.29 -> base 9,396.71
     *  2018-07-01..2019-01-01 184 d  9,396.71 x 8 % x 184/365 = 138,319.5712/365 = 378.9577 -> 378.96
     *    anniversary 2019-01-01: base 9,396.71 + 378.96 = 9,775.67
     *  2019-01-01..2019-07-01 181 d  9,775.67 x 8 % x 181/365 = 141,551.7016/365 = 387.8129 -> 387.81
     *    pay 2,000.00: capitalised 378.96, current 387.81, principal 1,233.23 -> base 8,163.48
     *  2019-07-01..2020-01-01 184 d  8,163.48 x 8 % x 184/365 = 120,166.4256/365 = 329.2231 -> 329.22
     *  total 396.71 + 378.96 + 387.81 + 329.22 = 1,492.70
     */
    @Test
    void paymentsBeforeAndAfterAnAnniversary() {
        InterestCalculation result = interest.calculate(request().withPayments(
                payment(2018, 7, 1, "1000.00"), payment(2019, 7, 1, "2000.00")));

        assertThat(result.periods()).extracting(p -> p.base().toPlainString(), p -> p.interest().toPlainString())
                .containsExactly(tuple("10000.00", "396.71"), tuple("9396.71", "378.96"),
                        tuple("9775.67", "387.81"), tuple("8163.48", "329.22"));
        assertThat(result.interest()).isEqualByComparingTo("1492.70");
        assertThat(result.payments()).extracting(p -> p.toInterest().toPlainString(),
                        p -> p.toPrincipal().toPlainString(), p -> p.baseAfter().toPlainString())
                .containsExactly(tuple("396.71", "603.29", "9396.71"), tuple("766.77", "1233.23", "8163.48"));
        assertThat(result.openPrincipal()).isEqualByComparingTo("8163.48");
        assertThat(result.openInterest()).isEqualByComparingTo("329.22");
    }

    /*
     * The same, but 500.00 paid on 2019-07-01: less than the open interest (378.96 capitalised + 387.81 current).
     * It pays the capitalised 378.96 first (older, and interest-bearing: the more burdensome), then 121.04 of the
     * current year's, so the base drops to the principal 9,396.71 and the next period is
     *  2019-07-01..2020-01-01 184 d 9,396.71 x 8 % x 184/365 = 378.96   total 1,542.44
     * Paying the current year's interest first would have left the base at 9,775.67 (interest 394.24).
     */
    @Test
    void partialPaymentOfInterestPaysCapitalisedInterestFirst() {
        InterestCalculation result = interest.calculate(request().withPayments(
                payment(2018, 7, 1, "1000.00"), payment(2019, 7, 1, "500.00")));

        PaymentApplication second = result.payments().get(1);
        assertThat(second.toInterest()).isEqualByComparingTo("500.00");
        assertThat(second.toPrincipal()).isZero();
        assertThat(second.baseAfter()).isEqualByComparingTo("9396.71");
        assertThat(result.periods().getLast().interest()).isEqualByComparingTo("378.96");
        assertThat(result.interest()).isEqualByComparingTo("1542.44");
        assertThat(result.openInterest()).isEqualByComparingTo("645.73"); // 266.77 + 378.96
        assertThat(result.openPrincipal()).isEqualByComparingTo("9396.71");
    }

    /*
     * A payment on the anniversary itself: the year's interest is capitalised first, then the payment applies.
     * 1,000.00 commercial 2018-01-01..2019-07-01, 100.00 paid 2019-01-01:
     *  2018-01-01..2019-01-01 365 d 1,000.00 x 8 % = 80.00 -> capitalised, base 1,080.00
     *    pay 100.00: capitalised 80.00, principal 20.00 -> base 980.00
     *  2019-01-01..2019-07-01 181 d 980.00 x 8 % x 181/365 = 14,190.40/365 = 38.8778 -> 38.88   total 118.88
     */
    @Test
    void paymentOnTheAnniversaryComesAfterTheCapitalisation() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("1000"), FROM,
                LocalDate.of(2019, 7, 1), InterestKind.COMMERCIAL).withPayments(payment(2019, 1, 1, "100")));

        assertThat(result.capitalisations()).singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("80.00"));
        assertThat(result.payments()).singleElement().satisfies(p -> {
            assertThat(p.toInterest()).isEqualByComparingTo("80.00");
            assertThat(p.toPrincipal()).isEqualByComparingTo("20.00");
        });
        assertThat(result.interest()).isEqualByComparingTo("118.88");
    }

    /*
     * Costs come first (art. 6:44 BW) and bear no interest here. 1,000.00 consumer 2016-01-01..2017-01-01 with
     * 150.00 costs open; 200.00 paid 2016-05-01. The 2016-07-01 table row repeats 2 %: no split there.
     *  2016-01-01..2016-05-01 121 d 1,000.00 x 2 % x 121/365 = 2,420/365 = 6.6301 -> 6.63
     *    pay 200.00: costs 150.00, interest 6.63, principal 43.37 -> base 956.63
     *  2016-05-01..2017-01-01 245 d 956.63 x 2 % x 245/365 = 4,687.487/365 = 12.8424 -> 12.84   total 19.47
     */
    @Test
    void paymentsSettleCostsBeforeInterestAndPrincipal() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("1000"),
                        LocalDate.of(2016, 1, 1), LocalDate.of(2017, 1, 1), InterestKind.CONSUMER)
                .withOpenCosts(new BigDecimal("150")).withPayments(payment(2016, 5, 1, "200")));

        assertThat(result.payments()).singleElement().satisfies(p -> {
            assertThat(p.toCosts()).isEqualByComparingTo("150.00");
            assertThat(p.toInterest()).isEqualByComparingTo("6.63");
            assertThat(p.toPrincipal()).isEqualByComparingTo("43.37");
        });
        assertThat(result.periods()).extracting(p -> p.interest().toPlainString()).containsExactly("6.63", "12.84");
        assertThat(result.interest()).isEqualByComparingTo("19.47");
        assertThat(result.openCosts()).isZero();
    }

    // 100.00 consumer 2016-01-01..2016-02-01, 200.00 paid 2016-01-11: 10 days at 2 % = 0.0548 -> 0.05, then
    // principal 100.00 and 99.95 overpaid; nothing accrues afterwards.
    @Test
    void overpaymentIsReportedAndStopsInterest() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("100"),
                LocalDate.of(2016, 1, 1), LocalDate.of(2016, 2, 1), InterestKind.CONSUMER)
                .withPayments(payment(2016, 1, 11, "200")));

        assertThat(result.interest()).isEqualByComparingTo("0.05");
        assertThat(result.overpaid()).isEqualByComparingTo("99.95");
        assertThat(result.periods().getLast().interest()).isZero();
        assertThat(result.openPrincipal()).isZero();
        assertThat(result.openInterest()).isZero();
    }

    // 1,000.00 consumer over 2016-01-01..2016-12-31 (365 days), 500.00 paid on `from`: 500.00 x 2 % = 10.00
    @Test
    void paymentOnTheStartDateLowersTheFirstBase() {
        InterestCalculation result = interest.calculate(InterestRequest.of(new BigDecimal("1000"),
                LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31), InterestKind.CONSUMER)
                .withPayments(payment(2016, 1, 1, "500")));
        assertThat(result.periods().getFirst().base()).isEqualByComparingTo("500.00");
        assertThat(result.interest()).isEqualByComparingTo("10.00");
    }

    @Test
    void paymentsAreAppliedInDateOrderWhateverTheInputOrder() {
        InterestCalculation ordered = interest.calculate(request().withPayments(
                payment(2018, 7, 1, "1000.00"), payment(2019, 7, 1, "2000.00")));
        InterestCalculation reversed = interest.calculate(request().withPayments(
                payment(2019, 7, 1, "2000.00"), payment(2018, 7, 1, "1000.00")));
        assertThat(reversed).isEqualTo(ordered);
    }

    private static InterestRequest request() {
        return InterestRequest.of(new BigDecimal("10000.00"), FROM, TO, InterestKind.COMMERCIAL);
    }

    private static InterestPayment payment(int year, int month, int day, String amount) {
        return new InterestPayment(LocalDate.of(year, month, day), new BigDecimal(amount));
    }
}
