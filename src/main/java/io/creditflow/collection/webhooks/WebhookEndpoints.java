package io.creditflow.collection.webhooks;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The current tenant's webhook endpoints. The signing secret is made here, shown once on creation and stored
 * encrypted under the endpoint's own key (deleting the endpoint shreds it).
 */
@Component
public class WebhookEndpoints {

    /** The event types a tenant can subscribe to; {@code *} subscribes to all. */
    public static final List<String> EVENT_TYPES = List.of("invoice.registered", "invoice.settled",
            "invoice.disputed", "invoice.dispute-resolved", "invoice.reopened", "invoices.imported",
            "payment.received", "payment.reversed", "case.opened", "case.stage-changed", "case.closed",
            "credit-check.reviewed", "credit-alert.raised");
    static final String SECRET_PLACE = "collection/webhook-secret";

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final AuditLog audit;
    private final boolean allowPrivate;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpoints(DSLContext dsl, PersonalDataVault vault, AuditLog audit,
                     @Value("${creditflow.messaging.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.dsl = dsl;
        this.vault = vault;
        this.audit = audit;
        this.allowPrivate = allowPrivate;
    }

    public record Endpoint(UUID id, String url, @Nullable String description, List<String> eventTypes,
                           boolean active, OffsetDateTime createdAt, String createdBy) {
        public boolean subscribes(String type) {
            return eventTypes.contains("*") || eventTypes.contains(type);
        }
    }

    /** A new endpoint with its secret, which is never shown again. */
    public record Created(Endpoint endpoint, String secret) {
    }

    @Transactional
    public Created create(@Nullable String url, @Nullable String description, @Nullable List<String> eventTypes) {
        List<FieldError> errors = new ArrayList<>();
        if (url == null || !validUrl(url)) {
            errors.add(new FieldError("url", allowPrivate ? "an http(s) URL" : "an https URL"));
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            errors.add(new FieldError("eventTypes", "at least one of " + EVENT_TYPES + " or *"));
        } else {
            for (int i = 0; i < eventTypes.size(); i++) {
                if (!"*".equals(eventTypes.get(i)) && !EVENT_TYPES.contains(eventTypes.get(i))) {
                    errors.add(new FieldError("eventTypes[" + i + "]", "unknown event type; one of " + EVENT_TYPES));
                }
            }
        }
        if (description != null && description.length() > 200) {
            errors.add(new FieldError("description", "at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The webhook endpoint has invalid fields.", errors);
        }
        UUID id = Ids.newId();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = "whsec_" + HexFormat.of().formatHex(raw);
        dsl.execute("""
                insert into webhook_endpoint (tenant_id, id, url, description, event_types, secret, created_by)
                values (current_tenant(), {0}, {1}, {2}, {3}, {4}, {5})""", id, url, description,
                eventTypes.stream().distinct().toArray(String[]::new), vault.encrypt(id, SECRET_PLACE, secret),
                Actor.current().name());
        audit.record(AuditEvent.of("webhook.endpoint-created", "webhook-endpoint", id).detail("url", url)
                .detail("eventTypes", eventTypes));
        return new Created(get(id), secret);
    }

    private boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() != null && url.length() <= 500
                    && ("https".equals(u.getScheme()) || (allowPrivate && "http".equals(u.getScheme())));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    public List<Endpoint> list() {
        return dsl.resultQuery("select * from webhook_endpoint order by created_at, id").fetch(WebhookEndpoints::map);
    }

    @Transactional(readOnly = true)
    public Endpoint get(UUID id) {
        return dsl.resultQuery("select * from webhook_endpoint where id = {0}", id).fetchOptional(WebhookEndpoints::map)
                .orElseThrow(() -> new NotFoundException("Webhook endpoint", id));
    }

    /** Removes the endpoint, its delivery log and its secret (key shredded). */
    @Transactional
    public void delete(UUID id) {
        get(id);
        dsl.execute("delete from webhook_endpoint where id = {0}", id);
        vault.shred(id);
        audit.record(AuditEvent.of("webhook.endpoint-deleted", "webhook-endpoint", id));
    }

    Optional<String> secret(UUID id) {
        return dsl.resultQuery("select secret from webhook_endpoint where id = {0}", id)
                .fetchOptional(r -> r.get(0, byte[].class)).flatMap(b -> vault.decrypt(id, SECRET_PLACE, b));
    }

    private static Endpoint map(Record r) {
        return new Endpoint(r.get("id", UUID.class), r.get("url", String.class), r.get("description", String.class),
                List.of(r.get("event_types", String[].class)), r.get("active", Boolean.class),
                r.get("created_at", OffsetDateTime.class), r.get("created_by", String.class));
    }
}
