package io.creditflow.law;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the statutory interest table: a rate in force from a date until the next row of the same kind.
 *
 * @param uncertain the rate comes from a single source and waits for an operator to confirm it; the UI says so
 * @param note      free text shown with the rate, empty when there is nothing to say
 */
public record InterestRate(LocalDate effectiveFrom, InterestKind kind, BigDecimal percent, boolean uncertain,
                           String note) {

    public InterestRate {
        Checks.present("effectiveFrom", effectiveFrom);
        Checks.present("kind", kind);
        percent = Checks.percent("percent", percent);
        Checks.present("note", note);
    }
}
