package io.creditflow.acceptance;

import java.util.UUID;

/** A person decided a referred check or reviewed an automated decision on request (GDPR art. 22). */
public record CreditCheckReviewed(UUID tenantId, UUID checkId, UUID reviewId, Decision decision) {
}
