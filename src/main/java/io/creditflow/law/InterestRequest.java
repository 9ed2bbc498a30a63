package io.creditflow.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Statutory interest on one principal over {@code to - from} days: interest runs on each day from {@code from}
 * (the first day of default; for commercial claims the day after the due date) up to but not including {@code to}.
 *
 * @param payments  payments dated from {@code from} to {@code to} inclusive, applied in date order (same-day
 *                  payments in the order given)
 * @param openCosts collection costs open at {@code from}; payments settle them first (art. 6:44 BW) and they bear
 *                  no interest here
 */
public record InterestRequest(BigDecimal principal, LocalDate from, LocalDate to, InterestKind kind,
                              List<InterestPayment> payments, BigDecimal openCosts) {

    public InterestRequest {
        principal = Checks.amount("principal", principal);
        Checks.present("from", from);
        Checks.present("to", to);
        Checks.present("kind", kind);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " is before from " + from);
        }
        List<InterestPayment> given = Checks.list("payments", payments);
        for (int i = 0; i < given.size(); i++) {
            LocalDate date = given.get(i).date();
            if (date.isBefore(from) || date.isAfter(to)) {
                throw new IllegalArgumentException("payments[" + i + "].date: " + date + " is outside " + from
                        + " to " + to);
            }
        }
        payments = given.stream().sorted(Comparator.comparing(InterestPayment::date)).toList();
        openCosts = Checks.amount("openCosts", openCosts);
    }

    public static InterestRequest of(BigDecimal principal, LocalDate from, LocalDate to, InterestKind kind) {
        return new InterestRequest(principal, from, to, kind, List.of(), BigDecimal.ZERO);
    }

    public InterestRequest withPayments(InterestPayment... newPayments) {
        return new InterestRequest(principal, from, to, kind, List.of(newPayments), openCosts);
    }

    public InterestRequest withOpenCosts(BigDecimal costs) {
        return new InterestRequest(principal, from, to, kind, payments, costs);
    }
}
