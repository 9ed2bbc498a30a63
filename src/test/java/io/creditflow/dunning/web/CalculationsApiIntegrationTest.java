package io.creditflow.dunning.web;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The calculators' API contract, the domain file's golden vectors through it, bad input, and who may call. */
@CreditflowTest
class CalculationsApiIntegrationTest {

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> JSON =
            new org.springframework.core.ParameterizedTypeReference<>() { };

    @Autowired TestTenants tenants;

    @ParameterizedTest
    @CsvSource({"100.00,40.00", "266.67,40.00", "267.00,40.05", "1000.00,150.00", "2500.00,375.00", "5000.00,625.00",
            "10000.00,875.00", "200000.00,2775.00", "1000000.00,6775.00", "1100000.00,6775.00"})
    void collectionCostsFollowTheScale(String principal, String costs) {
        RestClient api = tenants.create().api();
        Map<String, Object> body = api.get().uri("/api/v1/calculations/collection-costs?principal={p}&debtorType=CONSUMER", principal)
                .retrieve().body(JSON);
        assertThat(body).containsEntry("principal", principal).containsEntry("costs", costs)
                .containsEntry("requiresFourteenDayLetter", true);
    }

    @Test
    void principalsOfOneLetterAreSummedAndBusinessesOweTheMinimumWithoutReminder() {
        RestClient api = tenants.create().api();
        Map<String, Object> summed = api.get().uri("/api/v1/calculations/collection-costs?principal=100.00&principal=2500.00"
                + "&debtorType=BUSINESS&inDefaultSince=2025-03-01").retrieve().body(JSON);
        assertThat(summed).containsEntry("principal", "2600.00").containsEntry("costs", "385.00")
                .containsEntry("owedWithoutReminder", "40.00").containsEntry("owedWithoutReminderFrom", "2025-03-01");
    }

    @Test
    void statutoryInterestAnswersWithItsPeriods() {
        RestClient api = tenants.create().api();
        Map<String, Object> body = api.post().uri("/api/v1/calculations/statutory-interest").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("principal", "10000.00", "from", "2022-03-15", "to", "2025-09-30", "kind", "CONSUMER"))
                .retrieve().body(JSON);
        assertThat((String) body.get("interest")).matches("\\d+\\.\\d{2}");
        List<?> periods = (List<?>) body.get("periods");
        assertThat(periods).isNotEmpty();
        @SuppressWarnings("unchecked") Map<String, Object> first = (Map<String, Object>) periods.getFirst();
        assertThat(first).containsKeys("from", "to", "base", "rate", "days", "interest")
                .containsEntry("from", "2022-03-15").containsEntry("base", "10000.00").containsEntry("rate", "2");
        Map<String, Object> withPayment = api.post().uri("/api/v1/calculations/statutory-interest")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("principal", "10000.00", "from", "2022-03-15",
                        "to", "2025-09-30", "kind", "CONSUMER",
                        "payments", List.of(Map.of("date", "2024-01-10", "amount", "500.00"))))
                .retrieve().body(JSON);
        assertThat(new java.math.BigDecimal((String) withPayment.get("interest")))
                .isLessThan(new java.math.BigDecimal((String) body.get("interest")));
    }

    @Test
    void badInputIsA400NamingTheField() {
        RestClient api = tenants.create().api();
        var response = api.get().uri("/api/v1/calculations/collection-costs?principal=-5&debtorType=CONSUMER")
                .retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().toString()).contains("principals[0]");
        var badKind = api.post().uri("/api/v1/calculations/statutory-interest").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("principal", "10.00", "from", "2024-01-01", "to", "2023-01-01", "kind", "WEEKLY"))
                .retrieve().toEntity(Map.class);
        assertThat(badKind.getStatusCode().value()).isEqualTo(400);
        assertThat(badKind.getBody().toString()).contains("kind");
    }

    @Test
    void anyKeyOfTheTenantMayCallButNobodyWithoutOne() {
        TestTenants.TestTenant tenant = tenants.create();
        RestClient narrow = tenants.apiWithScopes(tenant, Set.of("receivables:read"));
        assertThat(narrow.get().uri("/api/v1/calculations/collection-costs?principal=1000.00&debtorType=CONSUMER")
                .retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(200);
        RestClient anonymous = RestClient.builder().baseUrl(tenant.baseUrl())
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
        assertThat(anonymous.get().uri("/api/v1/calculations/collection-costs?principal=1000.00&debtorType=CONSUMER")
                .retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(401);
    }
}
