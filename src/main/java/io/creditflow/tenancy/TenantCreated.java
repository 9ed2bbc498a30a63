package io.creditflow.tenancy;

import java.util.UUID;

/** A tenant was created by the operator (or the demo). */
public record TenantCreated(UUID tenantId, String slug) {
}
