package io.creditflow.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Statutory interest with its computation: one {@link InterestPeriod} per sub-period (split at rate changes,
 * anniversaries of {@code from} and payment dates), the capitalisations on each anniversary and how each payment
 * was applied.
 *
 * @param interest        all interest accrued from {@code from} to {@code to}: the sum of the periods' interest
 * @param openCosts       costs still open at {@code to}
 * @param openInterest    interest accrued and not paid at {@code to}, capitalised or not
 * @param openPrincipal   principal not paid at {@code to}
 * @param overpaid        what the payments paid beyond costs, interest and principal
 * @param uncertainRates  whether any period used a rate flagged uncertain in the table
 */
public record InterestCalculation(InterestKind kind, BigDecimal principal, LocalDate from, LocalDate to,
                                  BigDecimal interest, List<InterestPeriod> periods,
                                  List<Capitalisation> capitalisations, List<PaymentApplication> payments,
                                  BigDecimal openCosts, BigDecimal openInterest, BigDecimal openPrincipal,
                                  BigDecimal overpaid, boolean uncertainRates) {

    public InterestCalculation {
        periods = List.copyOf(periods);
        capitalisations = List.copyOf(capitalisations);
        payments = List.copyOf(payments);
    }

    /**
     * One sub-period at one rate on one base: {@code interest = base x rate x days / 365}, rounded half-up to cents.
     *
     * @param to            exclusive: the first day of the next period
     * @param base          principal plus capitalised interest, both unpaid, during the period
     * @param rateUncertain the rate is flagged uncertain in the table
     */
    public record InterestPeriod(LocalDate from, LocalDate to, BigDecimal base, BigDecimal ratePercent, long days,
                                 BigDecimal interest, boolean rateUncertain) {
    }

    /** On an anniversary of {@code from}, the unpaid interest of the year past joins the base. */
    public record Capitalisation(LocalDate date, BigDecimal amount, BigDecimal baseAfter) {
    }

    /** How one payment was applied: costs, then interest, then principal (art. 6:44 BW). */
    public record PaymentApplication(LocalDate date, BigDecimal amount, BigDecimal toCosts, BigDecimal toInterest,
                                     BigDecimal toPrincipal, BigDecimal overpaid, BigDecimal baseAfter) {
    }
}
