package io.creditflow;

import io.creditflow.support.CreditflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The operational surface: health and probes, Prometheus metrics, the OpenAPI document and Swagger UI. */
@CreditflowTest
class ApplicationStartsIntegrationTest {

    @LocalServerPort
    int port;

    private String get(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path).retrieve().body(String.class);
    }

    @Test
    void answersHealthAndProbes() {
        assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness")).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
    }

    @Test
    void exposesPrometheusMetrics() {
        assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void publishesTheApiDescription() {
        String openApi = get("/v3/api-docs");
        assertThat(openApi).contains("\"openapi\"").contains("/api/v1/debtors").contains("/api/v1/invoices");
        assertThat(get("/swagger-ui/index.html")).containsIgnoringCase("swagger");
    }
}
