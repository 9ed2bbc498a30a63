package io.creditflow.law;

import io.creditflow.law.InterestCalculation.Capitalisation;
import io.creditflow.law.InterestCalculation.InterestPeriod;
import io.creditflow.law.InterestCalculation.PaymentApplication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The running balances of one interest calculation. The base that bears interest is the unpaid principal plus the
 * unpaid capitalised interest; interest accrued since the last anniversary bears none until it is capitalised.
 * <p>
 * A payment is applied to costs, then interest, then principal (art. 6:44 BW). Within interest, capitalised
 * interest goes first: it is the older interest and, because it bears interest itself, the more burdensome for the
 * debtor (the order art. 6:43 lid 2 BW uses between debts). So a payment lowers the base as soon as it reaches
 * capitalised interest, while interest of the current year is paid before principal.
 */
final class InterestLedger {

    private static final BigDecimal DAYS_TIMES_PERCENT = BigDecimal.valueOf(36_500);

    private BigDecimal principal;
    private BigDecimal capitalised = zero();
    private BigDecimal accrued = zero();
    private BigDecimal costs;
    private BigDecimal overpaid = zero();
    private BigDecimal total = zero();

    InterestLedger(BigDecimal principal, BigDecimal costs) {
        this.principal = principal;
        this.costs = costs;
    }

    /** Interest on the current base over [from, to), one rounding half-up to cents of the exact value. */
    InterestPeriod accrue(LocalDate from, LocalDate to, BigDecimal percent, boolean uncertain) {
        BigDecimal base = base();
        long days = ChronoUnit.DAYS.between(from, to);
        BigDecimal interest = base.multiply(percent).multiply(BigDecimal.valueOf(days))
                .divide(DAYS_TIMES_PERCENT, 2, RoundingMode.HALF_UP);
        accrued = accrued.add(interest);
        total = total.add(interest);
        return new InterestPeriod(from, to, base, percent, days, interest, uncertain);
    }

    Capitalisation capitalise(LocalDate anniversary) {
        BigDecimal amount = accrued;
        capitalised = capitalised.add(amount);
        accrued = zero();
        return new Capitalisation(anniversary, amount, base());
    }

    PaymentApplication pay(InterestPayment payment) {
        BigDecimal rest = payment.amount();
        BigDecimal toCosts = costs.min(rest);
        costs = costs.subtract(toCosts);
        rest = rest.subtract(toCosts);

        BigDecimal toCapitalised = capitalised.min(rest);
        capitalised = capitalised.subtract(toCapitalised);
        rest = rest.subtract(toCapitalised);

        BigDecimal toAccrued = accrued.min(rest);
        accrued = accrued.subtract(toAccrued);
        rest = rest.subtract(toAccrued);

        BigDecimal toPrincipal = principal.min(rest);
        principal = principal.subtract(toPrincipal);
        rest = rest.subtract(toPrincipal);
        overpaid = overpaid.add(rest);
        return new PaymentApplication(payment.date(), payment.amount(), toCosts, toCapitalised.add(toAccrued),
                toPrincipal, rest, base());
    }

    BigDecimal base() {
        return principal.add(capitalised);
    }

    BigDecimal total() {
        return total;
    }

    BigDecimal openCosts() {
        return costs;
    }

    BigDecimal openInterest() {
        return capitalised.add(accrued);
    }

    BigDecimal openPrincipal() {
        return principal;
    }

    BigDecimal overpaid() {
        return overpaid;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
