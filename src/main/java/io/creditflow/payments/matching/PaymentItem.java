package io.creditflow.payments.matching;

import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One incoming payment to match: a single transfer, or one transaction of a batch booking.
 *
 * @param structuredReference the structured creditor reference as the bank passed it on (possibly with a bad check
 *         digit)
 * @param remittance the free remittance text
 * @param payerIban the payer's account when it is a valid IBAN
 */
public record PaymentItem(
        Money amount,
        LocalDate bookingDate,
        @Nullable String endToEndId,
        @Nullable String structuredReference,
        @Nullable String remittance,
        @Nullable String payerName,
        @Nullable String payerIban) {

    public PaymentItem {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(bookingDate, "bookingDate");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A payment to match must be positive, not " + amount);
        }
    }
}
