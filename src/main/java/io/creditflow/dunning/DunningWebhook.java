package io.creditflow.dunning;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Outgoing webhooks: a signed POST ({@code X-Creditflow-Signature}, HMAC-SHA256) of a JSON event to the tenant's
 * endpoint, through the outbox (retries, exactly-once hand-off). The dunning step action sends
 * {@code dunning.step-reached}; the collection module sends its own event types through the same interface (and may
 * replace the implementation, e.g. with per-event subscriptions).
 */
public interface DunningWebhook {

    /**
     * Enqueues the event; empty when the tenant configured no endpoint.
     *
     * @param dedupeKey the same key never sends twice
     */
    Optional<UUID> send(String eventType, UUID debtorId, String dedupeKey, Map<String, Object> payload);
}
