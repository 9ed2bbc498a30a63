package io.creditflow.privacy;

import java.util.UUID;

/**
 * A debtor's personal data was erased: {@code completed} when its key is destroyed, false while a legal hold keeps
 * the minimised data of a claim. Modules that cache something about the debtor drop it.
 */
public record SubjectErased(UUID tenantId, UUID debtorId, boolean completed) {
}
