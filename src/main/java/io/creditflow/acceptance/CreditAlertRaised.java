package io.creditflow.acceptance;

import java.util.UUID;

/** Monitoring found an identity over its limit, overdue over the threshold, or with a changed external signal. */
public record CreditAlertRaised(UUID tenantId, UUID alertId, UUID identityId, String kind) {
}
