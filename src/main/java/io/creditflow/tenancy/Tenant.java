package io.creditflow.tenancy;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A business that uses Creditflow: the controller of its debtors' personal data. */
public record Tenant(UUID id, String slug, String name, String status, String country, String defaultLanguage,
                     OffsetDateTime createdAt) {
}
