package io.creditflow.dunning;

import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The default {@link DunningWebhook}: the one endpoint and secret in the tenant's dunning settings. */
@Component
class SettingsWebhook implements DunningWebhook {

    private final DunningSettingsStore settings;
    private final Outbox outbox;
    private final JsonMapper json;

    SettingsWebhook(DunningSettingsStore settings, Outbox outbox, JsonMapper json) {
        this.settings = settings;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public Optional<UUID> send(String eventType, UUID debtorId, String dedupeKey, Map<String, Object> payload) {
        DunningSettings s = settings.get();
        if (s.webhookUrl() == null || s.webhookUrl().isBlank() || s.webhookSecret() == null) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", eventType);
        body.put("id", dedupeKey);
        body.put("data", payload);
        return Optional.of(outbox.enqueue(OutboundMessage.webhook(debtorId, "dunning", dedupeKey, dedupeKey,
                s.webhookUrl(), s.webhookSecret(), eventType, json.writeValueAsString(body))));
    }
}
