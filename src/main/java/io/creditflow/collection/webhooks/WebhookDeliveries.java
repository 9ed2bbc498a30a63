package io.creditflow.collection.webhooks;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.messaging.MessageStatus;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.web.CursorPage;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers an event to every endpoint of the tenant that subscribes to it: one delivery per endpoint and event id
 * (a repeated event is not sent twice), each an outbox message, which messaging signs, sends and retries with
 * exponential backoff ({@code creditflow.messaging.retry.*}). The body is
 * {@code {"id": <event id>, "type": <event type>, "createdAt": .., "data": {ids and amounts}}}; a replay sends the
 * same body again (same event id, so receivers can deduplicate) as a new delivery.
 */
@Component
public class WebhookDeliveries {

    static final String ORIGIN = "collection.webhook";
    private final DSLContext dsl;
    private final WebhookEndpoints endpoints;
    private final Outbox outbox;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    WebhookDeliveries(DSLContext dsl, WebhookEndpoints endpoints, Outbox outbox, JsonMapper json, AuditLog audit,
                      Clock clock) {
        this.dsl = dsl;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** One delivery as the log shows it, with the outbox's state of its message. */
    public record Delivery(UUID id, UUID endpointId, String eventId, String eventType, UUID messageId,
                           @Nullable UUID replayOf, OffsetDateTime createdAt, String createdBy,
                           @Nullable MessageStatus status, int attempts, @Nullable String lastError,
                           @Nullable OffsetDateTime sentAt, @Nullable OffsetDateTime nextAttemptAt) {
    }

    /** Queues the event for every subscribed endpoint, in the caller's transaction; returns the deliveries made. */
    @Transactional
    public int deliver(String eventType, String eventId, Map<String, Object> data) {
        int made = 0;
        for (WebhookEndpoints.Endpoint e : endpoints.list()) {
            if (!e.active() || !e.subscribes(eventType)) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", eventId);
            body.put("type", eventType);
            body.put("createdAt", OffsetDateTime.now(clock).toString());
            body.put("data", data);
            UUID id = Ids.newId();
            int inserted = dsl.execute("""
                    insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, event_type, message_id,
                                                  created_by)
                    values (current_tenant(), {0}, {1}, {2}, {3}, {0}, {4})
                    on conflict (tenant_id, endpoint_id, event_id) where replay_of is null do nothing""",
                    id, e.id(), eventId, eventType, Actor.current().name());
            if (inserted == 1) {
                send(id, e, eventType, "webhook:" + e.id() + ":" + eventId, json.writeValueAsString(body));
                made++;
            }
        }
        return made;
    }

    /** Sends a delivery's body again, as a new delivery of the same event. */
    @Transactional
    public Delivery replay(UUID deliveryId) {
        Delivery original = get(deliveryId);
        WebhookEndpoints.Endpoint e = endpoints.get(original.endpointId());
        String body = outbox.get(original.messageId()).content().map(Outbox.Content::text)
                .orElseThrow(() -> new BusinessRuleException("body-gone", "The body of delivery " + deliveryId
                        + " is no longer kept; it cannot be replayed."));
        UUID id = Ids.newId();
        dsl.execute("""
                insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, event_type, message_id, replay_of,
                                              created_by)
                values (current_tenant(), {0}, {1}, {2}, {3}, {0}, {4}, {5})""",
                id, e.id(), original.eventId(), original.eventType(), deliveryId, Actor.current().name());
        send(id, e, original.eventType(), "webhook-replay:" + id, body);
        audit.record(AuditEvent.of("webhook.replayed", "webhook-delivery", deliveryId).detail("replay", id.toString()));
        return get(id);
    }

    private void send(UUID deliveryId, WebhookEndpoints.Endpoint e, String eventType, String dedupeKey, String body) {
        String secret = endpoints.secret(e.id()).orElseThrow(() -> new IllegalStateException("endpoint secret gone"));
        UUID messageId = outbox.enqueue(OutboundMessage.webhook(e.id(), ORIGIN, deliveryId.toString(), dedupeKey,
                e.url(), secret, eventType, body));
        dsl.execute("update webhook_delivery set message_id = {0} where id = {1}", messageId, deliveryId);
    }

    @Transactional(readOnly = true)
    public Delivery get(UUID id) {
        return page("d.id = {0}", id, null, 1).items().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Webhook delivery", id));
    }

    /** The delivery log of one endpoint (newest first). */
    @Transactional(readOnly = true)
    public CursorPage<Delivery> ofEndpoint(UUID endpointId, @Nullable String cursor, int limit) {
        endpoints.get(endpointId);
        return page("d.endpoint_id = {0}", endpointId, cursor, limit);
    }

    /** The delivery log of the tenant (newest first). */
    @Transactional(readOnly = true)
    public CursorPage<Delivery> recent(@Nullable String cursor, int limit) {
        return page("{0}::uuid is null", null, cursor, limit);
    }

    private CursorPage<Delivery> page(String where, @Nullable Object arg, @Nullable String cursor, int limit) {
        String after = CursorPage.decode(cursor);
        var rows = dsl.resultQuery("select d.* from webhook_delivery d where " + where
                + " and ({1}::text is null or (d.created_at, d.id) < (split_part({1}, '|', 1)::timestamptz,"
                + " split_part({1}, '|', 2)::uuid)) order by d.created_at desc, d.id desc limit " + (limit + 1),
                arg, after).fetch();
        Map<String, Outbox.Summary> messages = rows.isEmpty() ? Map.of() : outbox.byOrigin(ORIGIN,
                        rows.stream().map(r -> r.get("id", UUID.class).toString()).toList()).stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.originRef()), Function.identity(), (a, b) -> a));
        List<Delivery> list = rows.stream().map(r -> {
            UUID id = r.get("id", UUID.class);
            Outbox.Summary s = messages.get(id.toString());
            return new Delivery(id, r.get("endpoint_id", UUID.class), r.get("event_id", String.class),
                    r.get("event_type", String.class), r.get("message_id", UUID.class), r.get("replay_of", UUID.class),
                    r.get("created_at", OffsetDateTime.class), r.get("created_by", String.class),
                    s == null ? null : s.status(), s == null ? 0 : s.attempts(), s == null ? null : s.lastError(),
                    s == null ? null : s.sentAt(), s == null ? null : s.nextAttemptAt());
        }).toList();
        return CursorPage.of(list, limit, d -> d.createdAt() + "|" + d.id());
    }
}
