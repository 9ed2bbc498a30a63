package io.creditflow.privacy;

import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.rights.Erasures;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure asked while a collection case is open (a legal claim, art. 17(3)(e)): what the claim needs (name,
 * address, invoices, letters) stays, everything else goes at once (e-mail, phone, IBAN, search indexes), processing is
 * restricted; when the case closes and its hold is released, the erasure completes (key destroyed, final certificate).
 */
@CreditflowTest
class LegalHoldErasureIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired LegalHolds holds;
    @Autowired Erasures erasures;
    @Autowired TenantScope tenantScope;

    @Test
    void anOpenCaseKeepsTheClaimUntilItEnds() {
        TestTenant tenant = tenants.create();
        Person person = fixtures.person(tenant, 41);
        tenantScope.inTenant(tenant.id(), () -> holds.place(person.debtorId(), "collection.case", "CASE-41",
                "open collection case: the claim is being collected"));

        JsonNode first = tenant.api().post().uri("/api/v1/privacy/debtors/{id}/erasure", person.debtorId())
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(JsonNode.class);
        assertThat(first.get("status").asString()).isEqualTo("PENDING_HOLD");
        assertThat(first.get("certificate").get("scope").asString()).isEqualTo("LEGAL_HOLD");
        assertThat(first.get("certificate").get("subjectKey").asString()).isEqualTo("RETAINED_UNTIL_HOLDS_RELEASED");
        assertThat(first.get("certificate").get("legalHolds").get(0).get("reference").asString()).isEqualTo("CASE-41");

        JsonNode debtor = debtor(tenant, person);
        assertThat(debtor.get("name").asString()).as("the claim needs the name").isEqualTo(person.name());
        assertThat(debtor.get("addresses").toString()).contains(person.street());
        assertThat(debtor.get("emails").size()).isZero();
        assertThat(debtor.get("phones").size()).isZero();
        assertThat(debtor.get("ibans").size()).isZero();
        assertThat(debtor.get("restricted").asBoolean()).as("processed for the claim only").isTrue();
        assertThat(tenant.api().get().uri("/api/v1/debtors?q={q}", person.email()).retrieve().body(JsonNode.class)
                .get("items").size()).isZero();
        String export = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/export", person.debtorId()).retrieve()
                .body(String.class);
        assertThat(export).as("letters kept as evidence").contains("Aanmaning " + person.invoiceNumber());

        tenantScope.inTenant(tenant.id(), () -> holds.release("collection.case", "CASE-41"));
        tenantScope.inTenant(tenant.id(), () -> erasures.completePending(person.debtorId()));

        JsonNode done = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/erasure", person.debtorId()).retrieve()
                .body(JsonNode.class);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("certificate").get("kind").asString()).isEqualTo("COMPLETION");
        assertThat(done.get("certificate").get("subjectKey").asString()).isEqualTo("DESTROYED");
        assertThat(done.get("initialCertificate").get("scope").asString()).isEqualTo("LEGAL_HOLD");
        JsonNode after = debtor(tenant, person);
        assertThat(after.get("erased").asBoolean()).isTrue();
        assertThat(after.get("name").isNull()).isTrue();
    }

    private static JsonNode debtor(TestTenant tenant, Person person) {
        return tenant.api().get().uri("/api/v1/debtors/{id}", person.debtorId()).retrieve().body(JsonNode.class);
    }
}
