package io.creditflow.payments;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A tenant's payment rules. New tenants get {@link #defaults()}; the console's settings page changes them.
 *
 * @param autoApplyThreshold proposals at or above this confidence are applied without a person
 * @param writeOffTolerance an underpayment up to this amount is written off rather than left open
 * @param surplus what happens to money beyond the invoices a payment names
 * @param preNotificationDays how long before a direct debit the debtor is told (14 unless agreed otherwise)
 */
public record PaymentSettings(double autoApplyThreshold, BigDecimal writeOffTolerance, Surplus surplus,
                              int planGraceDays, int promiseGraceDays, int instalmentNoticeDays,
                              @Nullable String creditorName, @Nullable String creditorIban,
                              @Nullable String creditorBic, @Nullable String creditorId, int preNotificationDays) {

    /** Money beyond the invoices a payment names. */
    public enum Surplus {
        /** Kept as credit on the debtor's account until a person uses or refunds it. */
        CREDIT,
        /** Allocated by law (art. 6:43 BW) to the debtor's other claims: due first, then oldest. */
        ALLOCATE_BY_LAW
    }

    public static PaymentSettings defaults() {
        return new PaymentSettings(0.95, new BigDecimal("1.00"), Surplus.CREDIT, 5, 3, 5, null, null, null, null, 14);
    }

    public boolean directDebitReady() {
        return creditorName != null && creditorIban != null && creditorId != null;
    }
}
