package io.creditflow.messaging.outbox;

import com.sun.net.httpserver.HttpServer;
import io.creditflow.messaging.ContactRestrictions;
import io.creditflow.messaging.MessageStatus;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.sms.HttpSmsProvider;
import io.creditflow.messaging.sms.SmsTransport;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed webhooks and the generic HTTP SMS provider against a real (in-process) HTTP server: the signature verifies,
 * the body is escaped for its content type, a 5xx is retried, a 4xx is final.
 */
@CreditflowTest
class WebhookAndSmsIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired TenantScope tenantScope;
    @Autowired PersonalDataVault vault;
    @Autowired JsonMapper json;
    @Autowired ApplicationEventPublisher events;

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void webhooksAreSignedAndRetriedAndSmsGoesOutEscaped() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("path", exchange.getRequestURI().getPath(), "body", body,
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Creditflow-Signature")),
                    "delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Creditflow-Delivery"))));
            // the first webhook delivery fails (503) and must be retried; only "/hook", as the dispatcher sends the
            // three messages in no fixed order (failing whichever came first made the SMS go out twice, correctly)
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/hook") && failNext.getAndDecrement() > 0 ? 503 : path.equals("/gone") ? 410 : 200;
            byte[] answer = "{\"id\":\"prov-42\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        TestTenants.TestTenant tenant = tenants.create();
        UUID debtor = UUID.randomUUID();
        List<UUID> ids = tenants.inTenant(tenant, () -> outbox.enqueueAll(List.of(
                OutboundMessage.webhook(debtor, "test", "w1", "w1", base + "/hook", "0123456789abcdef0123",
                        "dunning.step-reached", "{\"step\":\"x\"}"),
                OutboundMessage.webhook(debtor, "test", "w2", "w2", base + "/gone", "0123456789abcdef0123",
                        "dunning.step-reached", "{\"step\":\"y\"}"),
                OutboundMessage.sms(debtor, "test", "s1", "s1", "nl", "+31612345678", "Betaal \"nu\" a.u.b. € 10"))));
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T09:00:00Z"), ZoneOffset.UTC);
        OutboxDispatcher dispatcher = new OutboxDispatcher(dsl, tenantScope, vault, json, events,
                ContactRestrictions.NONE, List.of(new WebhookTransport(clock, true),
                new SmsTransport(new HttpSmsProvider(new HttpSmsProvider.Settings(URI.create(base + "/sms"),
                        "application/json", "{\"to\":\"{to}\",\"from\":\"{from}\",\"body\":\"{text}\"}", Map.of(),
                        "/id", Duration.ofSeconds(5)), json), "Demo")),
                e -> {
                    throw new IllegalStateException();
                }, new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 5), Duration.ofMinutes(5), 10);

        failNext.set(1);
        dispatcher.dispatchOnce(clock.instant());
        dispatcher.dispatchOnce(clock.instant().plus(Duration.ofHours(1)));

        assertThat(status(tenant, ids.get(0))).isEqualTo(MessageStatus.SENT);
        assertThat(status(tenant, ids.get(1))).as("410 is final").isEqualTo(MessageStatus.FAILED);
        assertThat(status(tenant, ids.get(2))).isEqualTo(MessageStatus.SENT);
        var hooks = received.stream().filter(r -> r.get("path").equals("/hook")).toList();
        assertThat(hooks).as("refused once (503), then delivered on the retry").hasSize(2);
        var last = hooks.getLast();
        assertThat(last.get("delivery")).isEqualTo(ids.get(0).toString());
        String t = last.get("signature").replaceAll("t=(\\d+),.*", "$1");
        assertThat(last.get("signature")).endsWith("v1=" + WebhookTransport.sign("0123456789abcdef0123",
                t + "." + last.get("body")));
        var sms = received.stream().filter(r -> r.get("path").equals("/sms")).toList();
        assertThat(sms).hasSize(1);
        Map<?, ?> parsed = json.readValue(sms.getFirst().get("body"), Map.class);
        assertThat(parsed.get("to")).isEqualTo("+31612345678");
        assertThat(parsed.get("body")).isEqualTo("Betaal \"nu\" a.u.b. € 10");
        assertThat(tenants.inTenant(tenant, () -> dsl.resultQuery("select provider_ref from outbox_message where id = {0}",
                ids.get(2)).fetchSingle().get(0, String.class))).isEqualTo("prov-42");
    }

    private MessageStatus status(TestTenants.TestTenant tenant, UUID id) {
        return tenants.inTenant(tenant, () -> MessageStatus.valueOf(dsl.resultQuery(
                "select status from outbox_message where id = {0}", id).fetchSingle().get(0, String.class)));
    }
}
