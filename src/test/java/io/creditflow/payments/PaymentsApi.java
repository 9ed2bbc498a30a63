package io.creditflow.payments;

import io.creditflow.support.TestTenants.TestTenant;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/** Calls the payments and receivables API of a test tenant. */
public record PaymentsApi(TestTenant tenant) {

    public JsonNode debtor(String externalId, String name, String iban) {
        return post("/api/v1/debtors", """
                {"externalId":"%s","type":"BUSINESS","name":"%s","iban":"%s","email":"%s@example.com"}"""
                .formatted(externalId, name, iban, externalId.toLowerCase())).getBody();
    }

    public JsonNode invoice(String debtorExternalId, String number, String amount, String dueDate) {
        ResponseEntity<JsonNode> response = post("/api/v1/invoices", """
                {"debtorExternalId":"%s","number":"%s","issueDate":"2026-01-02","dueDate":"%s","currency":"EUR",
                 "amount":"%s"}""".formatted(debtorExternalId, number, dueDate, amount));
        if (response.getStatusCode().value() != 201) {
            throw new IllegalStateException(String.valueOf(response.getBody()));
        }
        return response.getBody();
    }

    public JsonNode invoiceByNumber(String number) {
        return tenant.api().get().uri("/api/v1/invoices?number=" + number).retrieve().body(JsonNode.class);
    }

    public ResponseEntity<JsonNode> upload(String fileName, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return tenant.api().post().uri("/api/v1/bank-statements").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(JsonNode.class);
    }

    public JsonNode get(String path) {
        return tenant.api().get().uri(path).retrieve().body(JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String json) {
        return tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(JsonNode.class);
    }
}
