package io.creditflow.payments;

import java.util.UUID;

/** What was promised has been paid. */
public record PromiseToPayKept(UUID tenantId, UUID promiseId, UUID debtorId) {
}
