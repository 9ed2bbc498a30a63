package io.creditflow.security;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per API key: a key with its own small limit is answered 429 (with Retry-After, as a problem) once it
 * has used its allowance, no more requests pass than the bucket allows for the time taken, and other keys are not
 * affected; the default limit does not get in the way of normal traffic.
 */
@CreditflowTest
class ApiRateLimitIntegrationTest {

    @Autowired TestTenants tenants;

    @Test
    void aKeyOverItsLimitGets429AndOthersCarryOn() {
        TestTenant tenant = tenants.create();
        JsonNode issued = tenant.api().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"slow\",\"scopes\":[\"receivables:read\"],\"rateLimitPerSecond\":2}").retrieve()
                .body(JsonNode.class);
        var slow = TestTenants.api(tenant.baseUrl(), issued.get("key").asString());
        int ok = 0;
        int limited = 0;
        String retryAfter = null;
        String problem = null;
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            var response = slow.get().uri("/api/v1/debtors").retrieve().toEntity(String.class);
            if (response.getStatusCode().value() == 429) {
                limited++;
                retryAfter = response.getHeaders().getFirst("Retry-After");
                problem = response.getBody();
            } else {
                assertThat(response.getStatusCode().value()).isEqualTo(200);
                ok++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(limited).as("requests refused").isPositive();
        assertThat(ok).as("at most the burst plus the refill over %.1f s", seconds)
                .isLessThanOrEqualTo(2 + (int) Math.ceil(seconds * 2));
        assertThat(retryAfter).isNotNull();
        assertThat(problem).contains("rate-limited");

        for (int i = 0; i < 50; i++) {
            assertThat(tenant.api().get().uri("/api/v1/debtors").retrieve().toBodilessEntity().getStatusCode().value())
                    .as("a key on the default limit").isEqualTo(200);
        }
        String id = issued.get("id").asString();
        assertThat(tenant.api().put().uri("/api/v1/api-keys/{id}/rate-limit", id)
                .contentType(MediaType.APPLICATION_JSON).body("{\"rateLimitPerSecond\":0}").retrieve()
                .toBodilessEntity().getStatusCode().value()).as("a limit of 0 is refused").isEqualTo(422);
    }
}
