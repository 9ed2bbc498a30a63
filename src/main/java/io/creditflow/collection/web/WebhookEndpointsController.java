package io.creditflow.collection.web;

import io.creditflow.collection.webhooks.WebhookDeliveries;
import io.creditflow.collection.webhooks.WebhookEndpoints;
import io.creditflow.platform.web.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant's webhook endpoints, their delivery log and replays. */
@RestController
class WebhookEndpointsController {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    WebhookEndpointsController(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    record EndpointRequest(@Nullable String url, @Nullable String description, @Nullable List<String> eventTypes) {
    }

    @GetMapping("/api/v1/webhook-endpoints")
    @PreAuthorize("hasAuthority('webhooks:manage')")
    List<Map<String, Object>> list() {
        return endpoints.list().stream().map(WebhookEndpointsController::json).toList();
    }

    /** Creates an endpoint; the answer holds the signing secret, which is never shown again. */
    @PostMapping("/api/v1/webhook-endpoints")
    @PreAuthorize("hasAuthority('webhooks:manage')")
    ResponseEntity<Map<String, Object>> create(@RequestBody EndpointRequest r) {
        WebhookEndpoints.Created created = endpoints.create(r.url(), r.description(), r.eventTypes());
        Map<String, Object> body = json(created.endpoint());
        body.put("secret", created.secret());
        return ResponseEntity.created(URI.create("/api/v1/webhook-endpoints/" + created.endpoint().id())).body(body);
    }

    @GetMapping("/api/v1/webhook-endpoints/{id}")
    @PreAuthorize("hasAuthority('webhooks:manage')")
    Map<String, Object> get(@PathVariable UUID id) {
        return json(endpoints.get(id));
    }

    @DeleteMapping("/api/v1/webhook-endpoints/{id}")
    @PreAuthorize("hasAuthority('webhooks:manage')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        endpoints.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/webhook-endpoints/{id}/deliveries")
    @PreAuthorize("hasAuthority('webhooks:manage')")
    CursorPage<Map<String, Object>> deliveries(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
                                               @RequestParam(required = false) @Nullable Integer limit) {
        var page = deliveries.ofEndpoint(id, cursor, CursorPage.limit(limit));
        return new CursorPage<>(page.items().stream().map(WebhookEndpointsController::json).toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/webhook-deliveries/{id}/replay")
    @PreAuthorize("hasAuthority('webhooks:manage')")
    Map<String, Object> replay(@PathVariable UUID id) {
        return json(deliveries.replay(id));
    }

    static Map<String, Object> json(WebhookEndpoints.Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("url", e.url());
        m.put("description", e.description());
        m.put("eventTypes", e.eventTypes());
        m.put("active", e.active());
        m.put("createdAt", e.createdAt().toString());
        return m;
    }

    static Map<String, Object> json(WebhookDeliveries.Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("endpointId", d.endpointId());
        m.put("eventId", d.eventId());
        m.put("eventType", d.eventType());
        m.put("replayOf", d.replayOf());
        m.put("status", d.status() == null ? null : d.status().name());
        m.put("attempts", d.attempts());
        m.put("lastError", d.lastError());
        m.put("createdAt", d.createdAt().toString());
        m.put("sentAt", d.sentAt() == null ? null : d.sentAt().toString());
        m.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
        return m;
    }
}
