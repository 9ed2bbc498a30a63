package io.creditflow.privacy;

import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.records.BreachRegister;
import io.creditflow.privacy.records.SubProcessors;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operator's registers and what tenants see of them: a sub-processor outside the EEA needs a safeguard and shows
 * as a transfer in the records of processing (against the tenant's residency); a change reaches every tenant as a
 * banner until acknowledged; the records list the live integrations and the security measures; a breach's impact is
 * computed from the audit log (only the tenants, subjects and records its scope touched), each notification is
 * timestamped, and the tenant sees it with the 72-hour deadline until it acknowledges it.
 */
@CreditflowTest
class RegistersIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired SubProcessors subProcessors;
    @Autowired BreachRegister breaches;
    @Autowired TenantScope tenantScope;

    @Test
    void subProcessorsAndRecordsOfProcessing() {
        TestTenant tenant = tenants.create();
        assertThatThrownBy(() -> operator(() -> subProcessors.add(input("Mailer Inc", "MAIL", "US", null))))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(f -> f.field()).contains("safeguard"));
        String name = "Mailer " + UUID.randomUUID().toString().substring(0, 8);
        operator(() -> subProcessors.add(input(name, "MAIL", "US", "EU standard contractual clauses (2021/914)")));

        JsonNode records = tenant.api().get().uri("/api/v1/privacy/records-of-processing").retrieve()
                .body(JsonNode.class);
        assertThat(records.get("transfers").toString()).contains(name).contains("\"allowedByResidency\":false");
        assertThat(records.get("integrations").toString()).contains("\"service\":\"MAIL\"")
                .contains("\"status\":\"INTERNAL\"");
        assertThat(records.get("categoriesOfProcessing").toString()).contains("Debtor administration");
        assertThat(records.get("securityMeasures").toString()).contains("row-level security").contains("AES-256-GCM");

        ConsoleSession owner = new ConsoleSession(tenant.baseUrl());
        owner.login(tenant.user(Role.OWNER), TestTenants.PASSWORD);
        assertThat(owner.get("/console/privacy?lang=en").body()).contains("sub-processor change notice");
        JsonNode list = tenant.api().get().uri("/api/v1/privacy/sub-processors").retrieve().body(JsonNode.class);
        for (JsonNode id : list.get("unacknowledged")) {
            tenant.api().post().uri("/api/v1/privacy/sub-processor-notices/{id}/acknowledgement", id.asString())
                    .retrieve().toBodilessEntity();
        }
        assertThat(owner.get("/console/privacy").body()).doesNotContain("sub-processor change notice");
    }

    @Test
    void aBreachIsMeasuredFromTheAuditLogAndNotified() {
        OffsetDateTime from = OffsetDateTime.now().minusSeconds(1);
        TestTenant hit = tenants.create();
        TestTenant untouched = tenants.create();
        var person = fixtures.person(hit, 71);
        fixtures.person(untouched, 72);
        String keyId = hit.api().get().uri("/api/v1/me").retrieve().body(JsonNode.class).get("id").asString();
        hit.api().get().uri("/api/v1/debtors/{id}", person.debtorId()).retrieve().toBodilessEntity();
        hit.api().get().uri("/api/v1/debtors").retrieve().toBodilessEntity();
        OffsetDateTime to = OffsetDateTime.now().plusSeconds(1);

        BreachRegister.Breach breach = operator(() -> breaches.register(new BreachRegister.Input("Leaked API key",
                "The key was published in a public repository.", OffsetDateTime.now(), from, to, keyId, null,
                "Key revoked")));
        assertThat(breach.affected()).extracting(BreachRegister.Affected::tenantId).containsExactly(hit.id());
        BreachRegister.Affected affected = breach.affected().getFirst();
        // the one person the key touched, counted twice: as the debtor and as the applicant of the fixture's credit
        // check, whose data acceptance keeps under a subject key of its own (the audit log cannot tell they are one)
        assertThat(affected.subjects()).as("the debtor and the credit-check applicant the key touched").isEqualTo(2);
        assertThat(affected.records()).isGreaterThanOrEqualTo(3);
        assertThat(breach.hoursLeft(OffsetDateTime.now())).isBetween(70L, 72L);

        BreachRegister.Breach notified = operator(() -> breaches.notifyTenants(breach.id(), List.of()));
        assertThat(notified.affected().getFirst().notifiedAt()).isNotNull();
        JsonNode notifications = hit.api().get().uri("/api/v1/privacy/breach-notifications").retrieve()
                .body(JsonNode.class);
        assertThat(notifications.get(0).get("title").asString()).isEqualTo("Leaked API key");
        assertThat(notifications.get(0).get("subjects").asLong()).as("the debtor and the credit-check applicant")
                .isEqualTo(2);
        assertThat(untouched.api().get().uri("/api/v1/privacy/breach-notifications").retrieve().body(JsonNode.class)
                .size()).isZero();
        ConsoleSession owner = new ConsoleSession(hit.baseUrl());
        owner.login(hit.user(Role.OWNER), TestTenants.PASSWORD);
        assertThat(owner.get("/console/privacy?lang=en").body()).contains("personal-data breach");
        hit.api().post().uri("/api/v1/privacy/breach-notifications/{id}/acknowledgement", breach.id()).retrieve()
                .toBodilessEntity();
        assertThat(owner.get("/console/privacy").body()).doesNotContain("personal-data breach");
    }

    private <T> T operator(java.util.function.Supplier<T> work) {
        return tenantScope.inTenant(TenantContext.PLATFORM, work);
    }

    private static SubProcessors.Input input(String name, String service, String country, String safeguard) {
        return new SubProcessors.Input(name, service, "Sending reminders by e-mail", country, safeguard,
                List.of("e-mail address", "message content"), "smtp.mailer.example", LocalDate.now());
    }
}
