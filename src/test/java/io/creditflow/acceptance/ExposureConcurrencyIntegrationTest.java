package io.creditflow.acceptance;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No over-crediting: simultaneous checks for one identity must not together pass a limit that fits fewer of them.
 * Threads start together at a barrier and post over HTTP, so the checks really overlap in the database.
 */
@CreditflowTest
class ExposureConcurrencyIntegrationTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    Policies policies;

    /** New-customer limit 500: {@code threads} orders of {@code amount} at once; exactly floor(500/amount) pass. */
    @ParameterizedTest
    @CsvSource({"2, 300.00, 1", "8, 100.00, 5", "6, 250.00, 2"})
    void simultaneousOrdersOfOnePersonNeverTogetherExceedTheLimit(int threads, String amount, int expectedAccepted)
            throws Exception {
        TestTenant tenant = tenants.create();
        // velocity would lower the score of every further check of this person: not what this test is about
        tenants.inTenant(tenant, () -> TestPolicies.activate(policies, TestPolicies::withoutVelocity));
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return tenant.api().post().uri("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON)
                            .body(order(amount, "ORDER-" + n)).retrieve().body(JsonNode.class);
                }));
            }
        }
        int accepted = 0;
        BigDecimal acceptedSum = BigDecimal.ZERO;
        for (Future<JsonNode> f : answers) {
            JsonNode answer = f.get();
            if (answer.get("decision").asString().equals("ACCEPT")) {
                accepted++;
                acceptedSum = acceptedSum.add(new BigDecimal(amount));
            } else {
                assertThat(answer.get("reasons").toString()).contains("LIMIT_EXCEEDED");
            }
        }
        assertThat(accepted).isEqualTo(expectedAccepted);
        assertThat(acceptedSum).isLessThanOrEqualTo(new BigDecimal("500.00"));
    }

    private static String order(String amount, String reference) {
        return """
                {"type":"CONSUMER","person":{"firstName":"Piet","lastName":"Mulder","dateOfBirth":"1979-06-15"},
                 "address":{"houseNumber":"3","postcode":"3511 CD","country":"NL"},
                 "email":"piet.mulder@example.nl","phone":"+31612345678","order":{"amount":"%s","currency":"EUR","reference":"%s"}}"""
                .formatted(amount, reference);
    }
}
