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
class ReceivablesApiIntegrationTest {

    @Autowired
    TestTenants tenants;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
    }

    @Test
    void registersADebtorAndAnInvoiceWithAGeneratedPaymentReference() {
        ResponseEntity<JsonNode> debtor = post("/api/v1/debtors", """
                {"externalId":"C-1","type":"CONSUMER","name":"Anna de Vries","email":"anna@example.com",
                 "phone":"+31612345678","iban":"NL91ABNA0417164300","language":"nl",
                 "address":{"street":"Kerkstraat","houseNumber":"12","postcode":"1011ab","city":"Amsterdam","country":"NL"}}""");
        assertThat(debtor.getStatusCode().value()).isEqualTo(201);
        assertThat(debtor.getBody().get("id").asString()).isNotBlank();
        assertThat(debtor.getBody().get("address").get("postcode").asString()).isEqualTo("1011 AB");

        ResponseEntity<JsonNode> invoice = post("/api/v1/invoices", """
                {"debtorExternalId":"C-1","number":"INV-1","issueDate":"2026-10-01","dueDate":"2026-10-15",
                 "currency":"EUR","amount":"121.00"}""");
        assertThat(invoice.getStatusCode().value()).isEqualTo(201);
        JsonNode body = invoice.getBody();
        assertThat(body.get("openAmount").asString()).isEqualTo("121.00");
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(io.creditflow.shared.Betalingskenmerk.isValid(body.get("paymentReference").asString())).isTrue();

        JsonNode byNumber = tenant.api().get().uri("/api/v1/invoices?number=INV-1").retrieve().body(JsonNode.class);
        assertThat(byNumber.get("id").asString()).isEqualTo(body.get("id").asString());
        assertThat(byNumber.get("amount").asString()).isEqualTo("121.00");
    }

    @Test
    void invalidFieldsAreListedWithTheirReasons() {
        ResponseEntity<JsonNode> response = post("/api/v1/debtors", """
                {"externalId":"C-2","type":"CONSUMER","name":"","email":"no-at-sign","iban":"NL00ABNA0417164300"}""");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("errors").toString())
                .contains("\"field\":\"name\"").contains("\"field\":\"email\"").contains("\"field\":\"iban\"");
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void anotherTenantsInvoiceIsNotFound() {
        post("/api/v1/debtors", """
                {"externalId":"C-3","type":"BUSINESS","name":"Bakker B.V.","chamberOfCommerce":"12345678"}""");
        String id = post("/api/v1/invoices", """
                {"debtorExternalId":"C-3","number":"INV-3","issueDate":"2026-10-01","dueDate":"2026-10-31",
                 "currency":"EUR","amount":"500.00"}""").getBody().get("id").asString();
        TestTenant other = tenants.create();
        var response = other.api().get().uri("/api/v1/invoices/" + id).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        return tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(JsonNode.class);
    }
}
