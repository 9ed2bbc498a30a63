package io.creditflow.acceptance;

import java.util.Map;
import java.util.UUID;

/**
 * A webhook the acceptance module wants delivered ({@code credit-alert.raised}, {@code credit-check.reviewed}); the
 * webhook delivery of the collection module consumes it. Ids, codes and amounts only.
 */
public record AcceptanceWebhookRequested(UUID tenantId, String eventType, Map<String, Object> payload) {

    public AcceptanceWebhookRequested {
        payload = Map.copyOf(payload);
    }
}
