package io.creditflow.platform;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Every API error is an RFC 9457 problem with a type, title and status, and never a stack trace. */
@CreditflowTest
class ProblemDetailsIntegrationTest {

    @Autowired
    TestTenants tenants;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
    }

    @Test
    void malformedJsonIsA400Problem() {
        assertProblem(post("{\"externalId\": \"x\", "), 400, "malformed-request");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        ResponseEntity<String> response = tenant.api().post().uri("/api/v1/invoices")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"debtorExternalId":"x","number":"P-1","issueDate":"not-a-date","dueDate":"2026-01-01",
                         "currency":"EUR","amount":"10.00"}""").retrieve().toEntity(String.class);
        assertProblem(response, 400, "validation");
        assertThat(response.getBody()).contains("\"field\":\"issueDate\"");
    }

    @Test
    void unknownRoutesAndObjectsAre404Problems() {
        assertProblem(tenant.api().get().uri("/api/v1/no-such-thing").retrieve().toEntity(String.class), 404, null);
        assertProblem(tenant.api().get().uri("/api/v1/debtors/00000000-0000-7000-8000-000000000000").retrieve()
                .toEntity(String.class), 404, "not-found");
        assertProblem(tenant.api().get().uri("/api/v1/debtors/not-a-uuid").retrieve().toEntity(String.class), 400,
                "validation");
    }

    @Test
    void authenticationAndPermissionErrorsAreProblems() {
        assertProblem(TestTenants.api(tenant.baseUrl(), "cf_wrongwrongwrongwrongwrong").get().uri("/api/v1/debtors")
                .retrieve().toEntity(String.class), 401, "unauthorized");
        assertProblem(tenants.apiWithScopes(tenant, java.util.Set.of("checks:perform")).get().uri("/api/v1/debtors")
                .retrieve().toEntity(String.class), 403, "forbidden");
    }

    private ResponseEntity<String> post(String body) {
        return tenant.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String type) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("\"status\":" + status).contains("\"title\":")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        if (type != null) {
            assertThat(response.getBody()).contains("\"type\":\"https://creditflow.io/problems/" + type + "\"");
        }
    }
}
