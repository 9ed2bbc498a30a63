package io.creditflow.acceptance;

import java.util.Map;
import java.util.UUID;

/**
 * Sends an acceptance event to the tenant's webhook endpoint. The signed webhook delivery (endpoints, signatures,
 * retries) belongs to the collection module and is being built; until it provides an implementation of this interface,
 * the default one publishes {@link AcceptanceWebhookRequested} as a module event, which that delivery will consume.
 * Payloads carry ids, codes and amounts, never personal data.
 */
public interface WebhookSender {

    void send(UUID tenantId, String eventType, Map<String, Object> payload);
}
