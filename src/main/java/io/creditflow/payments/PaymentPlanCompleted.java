package io.creditflow.payments;

import java.util.UUID;

/** Everything a plan covered is paid. */
public record PaymentPlanCompleted(UUID tenantId, UUID planId, UUID debtorId) {
}
