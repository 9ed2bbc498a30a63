package io.creditflow.law;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment the debtor made on a date; it stops interest on what it pays from that day on. */
public record InterestPayment(LocalDate date, BigDecimal amount) {

    public InterestPayment {
        Checks.present("date", date);
        amount = Checks.positiveAmount("amount", amount);
    }
}
