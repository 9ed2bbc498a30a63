package io.creditflow.portal;

import io.creditflow.support.TestTenants.TestTenant;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

/** A debtor with an address and invoices, made through the API, for the portal's tests. */
record PortalFixtures(TestTenant tenant) {

    record Debtor(UUID id, String externalId) {
    }

    Debtor consumer(String externalId, String name, String language) {
        JsonNode d = tenant.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON).body("""
                {"externalId":"%s","type":"CONSUMER","name":"%s","email":"%s@example.org","phone":"+31612345678",
                 "language":"%s","address":{"street":"Dorpsstraat","houseNumber":"7","postcode":"4435 AB",
                 "city":"Kwadendamme","country":"NL"}}""".formatted(externalId, name, externalId.toLowerCase(),
                language)).retrieve().body(JsonNode.class);
        return new Debtor(UUID.fromString(d.get("id").asString()), externalId);
    }

    UUID invoice(Debtor debtor, String number, String amount, LocalDate due) {
        JsonNode i = tenant.api().post().uri("/api/v1/invoices").contentType(MediaType.APPLICATION_JSON).body("""
                {"debtorId":"%s","number":"%s","issueDate":"%s","dueDate":"%s","currency":"EUR","amount":"%s",
                 "lines":[{"description":"Consult %s","quantity":"1","unitPrice":"%s","amount":"%s"}]}"""
                .formatted(debtor.id(), number, due.minusDays(30), due, amount, number, amount, amount))
                .retrieve().body(JsonNode.class);
        return UUID.fromString(i.get("id").asString());
    }

    JsonNode get(String path) {
        return tenant.api().get().uri(path).retrieve().body(JsonNode.class);
    }
}
