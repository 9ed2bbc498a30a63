package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A debtor as the console and API show it. {@code profile} is null when the person was erased (their key destroyed):
 * the invoices stay for fiscal retention, the personal data is gone.
 */
public record Debtor(UUID id, String externalId, DebtorType type, String language, String preferredChannel,
                     @Nullable String country, List<String> tags, @Nullable DebtorProfile profile, String status,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {

    public String displayName() {
        return profile == null ? "[erased]" : profile.name();
    }
}
