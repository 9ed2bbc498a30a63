package io.creditflow.payments.statement;

import io.creditflow.shared.Money;

import java.time.LocalDate;
import java.util.Objects;

/** A balance of the statement's account at the end of a day; negative when the account is overdrawn. */
public record Balance(Money amount, LocalDate date) {

    public Balance {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
    }
}
