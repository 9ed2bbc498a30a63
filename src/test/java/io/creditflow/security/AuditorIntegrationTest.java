package io.creditflow.security;

import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor: reads and verifies the audit log in the console, downloads it as CSV and JSON (every entry with its
 * hash, CSV cells quoted and formula-safe), sees the privacy registers, and no debtor.
 */
@CreditflowTest
class AuditorIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired JsonMapper json;

    @Test
    void theAuditorExportsAndVerifiesTheLog() {
        TestTenant tenant = tenants.create();
        var person = fixtures.person(tenant, 95);
        ConsoleSession auditor = new ConsoleSession(tenant.baseUrl());
        assertThat(auditor.login(tenant.user(Role.AUDITOR), TestTenants.PASSWORD)).endsWith("/console/home");
        var page = auditor.get("/console/audit?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("debtor.registered").doesNotContain(person.name());

        var verified = auditor.post("/console/audit/verify", java.util.Map.of());
        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(auditor.get("/console/audit").body()).contains("The chain is intact");

        var csv = auditor.get("/console/audit/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElse("")).startsWith("seq,occurred_at,actor_type");
        assertThat(csv.body()).contains("debtor.registered").contains(person.debtorId().toString());
        var jsonExport = auditor.get("/console/audit/export?format=json&action=debtor.");
        JsonNode entries = json.readTree(jsonExport.body());
        assertThat(entries.size()).isPositive();
        entries.forEach(e -> {
            assertThat(e.get("action").asString()).startsWith("debtor.");
            assertThat(e.get("hash").asString()).hasSize(64);
        });

        var api = tenants.apiWithScopes(tenant, Set.of("audit:read"));
        String body = api.get().uri("/api/v1/audit/entries?format=csv&subjectId={s}", person.debtorId()).retrieve()
                .body(String.class);
        assertThat(body.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(person.debtorId().toString()));
        assertThat(auditor.get("/console/privacy").statusCode()).as("the registers").isEqualTo(200);
        assertThat(auditor.get("/console/debtors").statusCode()).as("no debtor data").isEqualTo(403);
        assertThat(auditor.get("/console/privacy/debtors/" + person.debtorId()).statusCode()).isEqualTo(403);
    }
}
