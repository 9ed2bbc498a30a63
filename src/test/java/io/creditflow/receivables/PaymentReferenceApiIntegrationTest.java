package io.creditflow.receivables;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Payment references through the API, against the vectors of payment-formats.md. */
@CreditflowTest
class PaymentReferenceApiIntegrationTest {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    @Autowired
    TestTenants tenants;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        post("/api/v1/debtors", """
                {"externalId":"P-1","type":"CONSUMER","name":"Pim Jansen"}""");
    }

    @Test
    void generatedReferencesAreValidDistinctBetalingskenmerken() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            ResponseEntity<JsonNode> r = invoice(null);
            assertThat(r.getStatusCode().value()).isEqualTo(201);
            String ref = r.getBody().get("paymentReference").asString();
            assertThat(ref).hasSize(16);
            assertThat(Betalingskenmerk.isValid(ref)).as(ref).isTrue();
            assertThat(seen.add(ref)).as("distinct: " + ref).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5000056789012345", "5010002167010010", "3010002167042021", "0001041146910100",
            "9001041146812501", "2017166777600001", "3961307998410020", "RF712348231", "RF485000056789012345",
            "RF18539007547034", "RF45G72UUR", "RF6518K5", "RF18 5390 0754 7034"})
    void validGivenReferencesAreKept(String reference) {
        ResponseEntity<JsonNode> r = invoice(reference);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        assertThat(r.getBody().get("paymentReference").asString()).isEqualTo(reference.replace(" ", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9001123412341234", "1070123412341234", "5000056789012346", "12345678", "RF19539007547034",
            "RF18539007547035", "RF00G72UUR"})
    void invalidStructuredReferencesAreRefusedNamingTheField(String reference) {
        ResponseEntity<JsonNode> r = invoice(reference);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("errors").toString()).contains("\"field\":\"paymentReference\"");
    }

    private ResponseEntity<JsonNode> invoice(String reference) {
        return post("/api/v1/invoices", """
                {"debtorExternalId":"P-1","number":"PR-%d","issueDate":"2026-10-01","dueDate":"2026-10-15",
                 "currency":"EUR","amount":"10.00"%s}""".formatted(NUMBER.incrementAndGet(),
                reference == null ? "" : ",\"paymentReference\":\"" + reference + "\""));
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        return tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(JsonNode.class);
    }
}
