package io.creditflow.collection;

import java.util.UUID;

/** A collection case was closed ({@code reason}: PAID, SETTLED_BY_AGENCY, WITHDRAWN, ...). */
public record CaseClosed(UUID tenantId, UUID caseId, UUID debtorId, String reason) {
}
