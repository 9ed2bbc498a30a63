package io.creditflow.law;

import io.creditflow.law.InterestCalculation.Capitalisation;
import io.creditflow.law.InterestCalculation.InterestPeriod;
import io.creditflow.law.InterestCalculation.PaymentApplication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Statutory interest (art. 6:119 and 6:119a BW) exactly as the calculators' contract says: a period of
 * {@code to - from} days, split at every rate change, every anniversary of {@code from} and every payment date; per
 * sub-period {@code base x rate x days / 365} rounded half-up to cents (365 in leap years too); on each anniversary
 * the year's unpaid interest joins the base (art. 6:119 lid 2: the anniversary of the start, not 1 January).
 * <p>
 * Conventions beyond the contract: a payment dated {@code d} lowers the base from day {@code d} on; on a date that
 * is both, the anniversary's capitalisation comes before the payment; a rate table row that repeats the previous
 * rate is no rate change and does not split; the anniversary of 29 February is 28 February in common years
 * ({@link LocalDate#plusYears}). See {@link InterestLedger} for how payments are split between interest and principal.
 */
public final class StatutoryInterest {

    private final InterestRateTable rates;

    public StatutoryInterest(InterestRateTable rates) {
        this.rates = Checks.present("rates", rates);
    }

    /** With the Dutch table shipped in {@value InterestRateTable#DUTCH_RESOURCE}. */
    public static StatutoryInterest dutch() {
        return new StatutoryInterest(InterestRateTable.dutch());
    }

    public InterestRateTable rates() {
        return rates;
    }

    public InterestCalculation calculate(InterestRequest request) {
        return calculate(request, Set.of());
    }

    /** Also splits at {@code extraSplits}: only the property tests use it, to show splitting only moves cents. */
    InterestCalculation calculate(InterestRequest request, Collection<LocalDate> extraSplits) {
        Checks.present("request", request);
        LocalDate from = request.from();
        LocalDate to = request.to();
        rates.rateOn("from", request.kind(), from);
        NavigableSet<LocalDate> anniversaries = anniversaries(from, to);
        NavigableSet<LocalDate> boundaries = boundaries(request, anniversaries, extraSplits);

        InterestLedger ledger = new InterestLedger(request.principal(), request.openCosts());
        List<InterestPeriod> periods = new ArrayList<>();
        List<Capitalisation> capitalisations = new ArrayList<>();
        List<PaymentApplication> applications = new ArrayList<>();
        Iterator<InterestPayment> payments = request.payments().iterator();
        InterestPayment nextPayment = payments.hasNext() ? payments.next() : null;
        for (LocalDate day : boundaries) {
            if (anniversaries.contains(day)) {
                capitalisations.add(ledger.capitalise(day));
            }
            while (nextPayment != null && nextPayment.date().equals(day)) {
                applications.add(ledger.pay(nextPayment));
                nextPayment = payments.hasNext() ? payments.next() : null;
            }
            if (day.equals(to)) {
                break;
            }
            LocalDate end = boundaries.higher(day);
            periods.add(ledger.accrue(day, end, rates.rateOn("from", request.kind(), day).percent(),
                    rates.uncertainDuring(request.kind(), day, end)));
        }
        return new InterestCalculation(request.kind(), request.principal(), from, to, ledger.total(), periods,
                capitalisations, applications, ledger.openCosts(), ledger.openInterest(), ledger.openPrincipal(),
                ledger.overpaid(), periods.stream().anyMatch(InterestPeriod::rateUncertain));
    }

    /** Where sub-periods start and end: both ends, real rate changes, anniversaries and payment dates. */
    private NavigableSet<LocalDate> boundaries(InterestRequest request, Set<LocalDate> anniversaries,
                                               Collection<LocalDate> extraSplits) {
        LocalDate from = request.from();
        LocalDate to = request.to();
        NavigableSet<LocalDate> boundaries = new TreeSet<>(List.of(from, to));
        boundaries.addAll(rates.changesBetween(request.kind(), from, to));
        boundaries.addAll(anniversaries);
        request.payments().forEach(payment -> boundaries.add(payment.date()));
        extraSplits.stream().filter(date -> date.isAfter(from) && date.isBefore(to)).forEach(boundaries::add);
        return boundaries;
    }

    /** The anniversaries of {@code from} strictly before {@code to}; each counted from {@code from} itself. */
    static NavigableSet<LocalDate> anniversaries(LocalDate from, LocalDate to) {
        NavigableSet<LocalDate> anniversaries = new TreeSet<>();
        for (int years = 1; from.plusYears(years).isBefore(to); years++) {
            anniversaries.add(from.plusYears(years));
        }
        return anniversaries;
    }
}
