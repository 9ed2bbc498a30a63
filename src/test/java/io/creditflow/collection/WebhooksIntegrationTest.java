package io.creditflow.collection;

import com.sun.net.httpserver.HttpServer;
import io.creditflow.dunning.DunningFixtures;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tenant webhooks against a real HTTP server (the JDK's): the signature a receiver verifies as docs/collection.md
 * tells it to, a retry after the receiver answered 500, the delivery log, a replay with the same event id, and
 * another tenant's events never reaching the endpoint.
 */
@CreditflowTest
class WebhooksIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired TenantScope tenantScope;
    @Autowired CollectionCases cases;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired JsonMapper json;

    record Received(String path, Map<String, List<String>> headers, String body) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Answers for the first requests to /a; everything else gets 200. */
    final Deque<Integer> answers = new ArrayDeque<>();

    @BeforeEach
    void server() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer status = 200;
            synchronized (answers) {
                if (exchange.getRequestURI().getPath().equals("/a") && !answers.isEmpty()) {
                    status = answers.poll();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void signedDeliveryIsRetriedAfterA500LoggedAndReplayed() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        JsonNode endpoint = createEndpoint(a, url("/a"));
        String secret = endpoint.get("secret").asString();
        UUID endpointId = UUID.fromString(endpoint.get("id").asString());
        createEndpoint(b, url("/b"));
        // a bad endpoint is refused naming the fields
        var bad = a.api().post().uri("/api/v1/webhook-endpoints").contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\":\"ftp://x\",\"eventTypes\":[\"nope\"]}").retrieve().toEntity(String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("url").contains("eventTypes[0]");

        UUID caseA = openCase(a);
        UUID caseB = openCase(b);
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> deliveries(a, endpointId).size() == 1);
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> tenantScope.inTenant(b.id(), () -> cases.get(caseB)) != null
                && !deliveriesOfTenant(b).isEmpty());

        synchronized (answers) {
            answers.add(500);
        }
        Instant now = Instant.now();
        dispatcher.dispatchOnce(now);
        JsonNode first = deliveries(a, endpointId).getFirst();
        assertThat(first.get("status").asString()).isEqualTo("QUEUED");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("lastError").asString()).contains("500");

        dispatcher.dispatchOnce(now.plus(Duration.ofHours(1)));
        assertThat(deliveries(a, endpointId).getFirst().get("status").asString()).isEqualTo("SENT");
        List<Received> toA = received.stream().filter(r -> r.path().equals("/a")).toList();
        assertThat(toA).hasSize(2);
        Received delivered = toA.getLast();
        assertThat(verify(secret, delivered)).as("signature verifies with the endpoint's secret").isTrue();
        assertThat(verify("whsec_wrong", delivered)).isFalse();
        JsonNode body = json.readTree(delivered.body());
        assertThat(body.get("type").asString()).isEqualTo("case.opened");
        assertThat(body.get("data").get("caseId").asString()).isEqualTo(caseA.toString());
        assertThat(header(delivered, "X-creditflow-event")).isEqualTo("case.opened");
        // the other tenant's case never reached this endpoint
        assertThat(toA).noneMatch(r -> r.body().contains(caseB.toString()));

        var replay = a.api().post().uri("/api/v1/webhook-deliveries/" + first.get("id").asString() + "/replay")
                .retrieve().toEntity(String.class);
        assertThat(replay.getStatusCode().value()).isEqualTo(200);
        dispatcher.dispatchOnce(now.plus(Duration.ofHours(2)));
        List<Received> again = received.stream().filter(r -> r.path().equals("/a")).toList();
        assertThat(again).hasSize(3);
        JsonNode replayed = json.readTree(again.getLast().body());
        assertThat(replayed.get("id").asString()).as("same event id").isEqualTo(body.get("id").asString());
        assertThat(verify(secret, again.getLast())).isTrue();
        List<JsonNode> log = deliveries(a, endpointId);
        assertThat(log).hasSize(2);
        assertThat(log.getFirst().get("replayOf").asString()).isEqualTo(first.get("id").asString());
        assertThat(log.getFirst().get("status").asString()).isEqualTo("SENT");
        // another tenant cannot see or replay this delivery
        assertThat(b.api().post().uri("/api/v1/webhook-deliveries/" + first.get("id").asString() + "/replay")
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
    }

    private JsonNode createEndpoint(TestTenant t, String url) {
        var r = t.api().post().uri("/api/v1/webhook-endpoints").contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\":\"" + url + "\",\"eventTypes\":[\"case.opened\"]}").retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        return json.readTree(r.getBody());
    }

    private UUID openCase(TestTenant t) {
        return tenantScope.inTenant(t.id(), () -> {
            UUID debtor = DunningFixtures.business(debtors, "Webhook BV", List.of());
            UUID invoice = DunningFixtures.invoice(invoices, debtor, "100.00", LocalDate.now().minusDays(40));
            return cases.request(debtor, List.of(invoice), "s1").orElseThrow();
        });
    }

    private List<JsonNode> deliveries(TestTenant t, UUID endpointId) {
        String body = t.api().get().uri("/api/v1/webhook-endpoints/" + endpointId + "/deliveries").retrieve()
                .body(String.class);
        return json.readTree(body).get("items").valueStream().toList();
    }

    private List<JsonNode> deliveriesOfTenant(TestTenant t) {
        JsonNode list = json.readTree(t.api().get().uri("/api/v1/webhook-endpoints").retrieve().body(String.class));
        return list.valueStream().flatMap(e -> deliveries(t, UUID.fromString(e.get("id").asString())).stream()).toList();
    }

    private static String header(Received r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst()).findFirst().orElse("");
    }

    /** What a tenant's receiver does (docs/collection.md): HMAC-SHA256 over "t.body", and t must be recent. */
    private static boolean verify(String secret, Received r) {
        String header = header(r, "X-Creditflow-Signature");
        String t = header.replaceAll(".*t=([0-9]+).*", "$1");
        String v1 = header.replaceAll(".*v1=([0-9a-f]+).*", "$1");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(v1) && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
