package io.creditflow.platform;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on POST: the same request twice (or at once) does the work once; another request with it: 409. */
@CreditflowTest
class IdempotencyIntegrationTest {

    @Autowired
    TestTenants tenants;

    TestTenant tenant;

    @BeforeEach
    void debtor() {
        tenant = tenants.create();
        post("/api/v1/debtors", null, """
                {"externalId":"I-1","type":"BUSINESS","name":"Idem B.V."}""");
    }

    @Test
    void theSameRequestTwiceAnswersTheFirstResponseAndCreatesOneInvoice() {
        ResponseEntity<JsonNode> first = post("/api/v1/invoices", "key-1", invoice("IDEM-1", "100.00"));
        ResponseEntity<JsonNode> second = post("/api/v1/invoices", "key-1", invoice("IDEM-1", "100.00"));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(invoicesNumbered("IDEM-1")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        post("/api/v1/invoices", "key-2", invoice("IDEM-2", "100.00"));
        ResponseEntity<JsonNode> other = post("/api/v1/invoices", "key-2", invoice("IDEM-2", "999.00"));
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(other.getBody().get("type").asString()).endsWith("/idempotency-key-reused");
    }

    @Test
    void concurrentDuplicatesDoTheWorkOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<ResponseEntity<JsonNode>> call = () -> post("/api/v1/invoices", "key-3",
                        invoice("IDEM-3", "50.00"));
                futures.add(pool.submit(call));
            }
            List<String> ids = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> f : futures) {
                ResponseEntity<JsonNode> response = f.get();
                assertThat(response.getStatusCode().value()).isIn(201, 409);
                if (response.getStatusCode().value() == 201) {
                    ids.add(response.getBody().get("id").asString());
                }
            }
            assertThat(ids).isNotEmpty().allMatch(id -> id.equals(ids.getFirst()));
            assertThat(invoicesNumbered("IDEM-3")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRequestKeepsNothingSoItsRetryRuns() {
        ResponseEntity<JsonNode> failed = post("/api/v1/invoices", "key-4", """
                {"debtorExternalId":"unknown","number":"IDEM-4","issueDate":"2026-01-01","dueDate":"2026-01-31",
                 "currency":"EUR","amount":"10.00"}""");
        assertThat(failed.getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> retried = post("/api/v1/invoices", "key-4", """
                {"debtorExternalId":"unknown","number":"IDEM-4","issueDate":"2026-01-01","dueDate":"2026-01-31",
                 "currency":"EUR","amount":"10.00"}""");
        assertThat(retried.getStatusCode().value()).isEqualTo(422);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    private static String invoice(String number, String amount) {
        return """
                {"debtorExternalId":"I-1","number":"%s","issueDate":"2026-01-01","dueDate":"2026-01-31",
                 "currency":"EUR","amount":"%s"}""".formatted(number, amount);
    }

    private long invoicesNumbered(String number) {
        JsonNode page = tenant.api().get().uri("/api/v1/invoices?limit=500").retrieve().body(JsonNode.class);
        return page.get("items").valueStream().filter(i -> i.get("number").asString().equals(number)).count();
    }

    private ResponseEntity<JsonNode> post(String path, String key, String json) {
        var request = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(json).retrieve().toEntity(JsonNode.class);
    }
}
