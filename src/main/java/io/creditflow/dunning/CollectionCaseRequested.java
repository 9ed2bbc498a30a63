package io.creditflow.dunning;

import java.util.List;
import java.util.UUID;

/**
 * A dunning step asks for an amicable collection case for these invoices of a debtor. The collection module listens
 * and opens (or extends) the case; the event is published once per debtor, step and day, in the transaction that
 * records the step, and delivered at least once after commit (listeners must be idempotent: {@code stepId} and the
 * invoices identify the request).
 *
 * @param stepId {@code <flow key>/<step key>/<date>}
 */
public record CollectionCaseRequested(UUID tenantId, UUID debtorId, List<UUID> invoiceIds, String stepId) {
}
