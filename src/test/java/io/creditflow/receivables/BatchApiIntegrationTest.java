package io.creditflow.receivables;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
class BatchApiIntegrationTest {

    @Autowired
    TestTenants tenants;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
    }

    @Test
    void writesDebtorsAndInvoicesAndUpsertsByExternalIdAndNumber() {
        String body = batch(2_000, "100.00");
        ResponseEntity<JsonNode> first = post(body);
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(200);
        assertThat(first.getBody().get("debtorsCreated").asInt()).isEqualTo(200);
        assertThat(first.getBody().get("invoicesCreated").asInt()).isEqualTo(2_000);

        ResponseEntity<JsonNode> again = post(body);
        assertThat(again.getBody().get("invoicesUnchanged").asInt()).isEqualTo(2_000);
        assertThat(again.getBody().get("debtorsUnchanged").asInt()).isEqualTo(200);
        assertThat(again.getBody().get("invoicesCreated").asInt() + again.getBody().get("invoicesUpdated").asInt())
                .isZero();

        ResponseEntity<JsonNode> changed = post(batch(2_000, "120.00"));
        assertThat(changed.getBody().get("invoicesUpdated").asInt()).isEqualTo(2_000);
        JsonNode invoice = tenant.api().get().uri("/api/v1/invoices?number=B-7").retrieve().body(JsonNode.class);
        assertThat(invoice.get("openAmount").asString()).isEqualTo("120.00");
        JsonNode ledger = tenant.api().get().uri("/api/v1/invoices/" + invoice.get("id").asString() + "/ledger")
                .retrieve().body(JsonNode.class);
        assertThat(ledger.get(1).get("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(ledger.get(1).get("principal").asString()).isEqualTo("20.00");
    }

    @Test
    void oneBadItemWritesNothingAndNamesTheItemAndField() {
        ResponseEntity<JsonNode> r = post("""
                {"debtors":[{"externalId":"X-1","type":"CONSUMER","name":"Els"},
                            {"externalId":"X-2","type":"CONSUMER","name":"Bas","iban":"NL00INGB0123456789"}],
                 "invoices":[{"debtorExternalId":"X-1","number":"X-INV-1","issueDate":"2026-10-01",
                              "dueDate":"2026-10-15","amount":"10.00"},
                             {"debtorExternalId":"X-9","number":"X-INV-2","issueDate":"2026-10-01",
                              "dueDate":"2026-10-15","amount":"-5.00"},
                             {"debtorExternalId":"X-1","number":"X-INV-1","issueDate":"2026-10-01",
                              "dueDate":"2026-10-15","amount":"12.00"}]}""");
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        String errors = r.getBody().get("errors").toString();
        assertThat(errors).contains("\"field\":\"debtors[1].iban\"").contains("\"field\":\"invoices[1].amount\"")
                .contains("\"field\":\"invoices[1].debtorExternalId\"").contains("\"field\":\"invoices[2].number\"");
        assertThat(tenant.api().get().uri("/api/v1/invoices?number=X-INV-1").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(tenant.api().get().uri("/api/v1/debtors?q=X-1").retrieve().body(JsonNode.class).get("items"))
                .isEmpty();
    }

    @Test
    void moreThanTenThousandItemsAreRefused() {
        ResponseEntity<JsonNode> r = post(batch(10_001, "1.00"));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().toString()).contains("at most 10000 items");
    }

    private static String batch(int invoices, String amount) {
        StringBuilder sb = new StringBuilder("{\"debtors\":[");
        int debtors = Math.min(200, invoices);
        for (int d = 0; d < debtors; d++) {
            sb.append(d == 0 ? "" : ",").append("{\"externalId\":\"BD-").append(d)
                    .append("\",\"type\":\"BUSINESS\",\"name\":\"Klant ").append(d).append(" B.V.\"}");
        }
        sb.append("],\"invoices\":[");
        for (int i = 0; i < invoices; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"debtorExternalId\":\"BD-").append(i % debtors)
                    .append("\",\"number\":\"B-").append(i).append("\",\"issueDate\":\"2026-10-01\",")
                    .append("\"dueDate\":\"2026-10-31\",\"amount\":\"").append(amount).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private ResponseEntity<JsonNode> post(String json) {
        return tenant.api().post().uri("/api/v1/batches").contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().toEntity(JsonNode.class);
    }
}
