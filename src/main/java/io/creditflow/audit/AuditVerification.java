package io.creditflow.audit;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * The result of checking a tenant's audit chain: how many entries were checked, whether the chain is intact, and if
 * not the first broken entry and what is wrong with it. Entries not yet sealed are counted separately.
 */
public record AuditVerification(UUID tenantId, long entriesChecked, boolean valid, @Nullable Long firstBrokenSeq,
                                @Nullable String problem, long pendingEntries) {
}
