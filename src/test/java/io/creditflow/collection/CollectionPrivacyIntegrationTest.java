package io.creditflow.collection;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.lifecycle.RetentionRuns;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Collection data under the data-subject rights: the access export, an erasure that deletes the hand-off dossier
 * from the data directory once the case is closed, and WKI retention keeping a closed dossier two years.
 */
@CreditflowTest
class CollectionPrivacyIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired TenantScope tenantScope;
    @Autowired CollectionCases cases;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Ledger ledger;
    @Autowired RetentionRuns retention;
    @Autowired DSLContext dsl;
    @Value("${creditflow.data-dir}") String dataDir;

    @Test
    void exportShowsTheCaseAndErasureDeletesTheDossierAfterTheHoldIsReleased() throws Exception {
        TestTenant tenant = tenants.create();
        tenant.api().put().uri("/api/v1/collection-settings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"autoHandoffStage\":\"NOTICE_OF_DEFAULT\"}").retrieve().toBodilessEntity();
        PrivacyFixtures.Person person = fixtures.person(tenant, 77);
        UUID caseId = fixtures.collectionCase(tenant, person);
        for (int i = 0; i < 3; i++) {
            tenantScope.inTenant(tenant.id(), () -> cases.advance(caseId));
        }
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).stage() == Stage.BAILIFF);
        Path drop = Path.of(dataDir, "collection", "file-drop", tenant.id().toString());
        assertThat(Files.list(drop).count()).isEqualTo(1);

        String reference = tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).reference();
        JsonNode data = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/export", person.debtorId()).retrieve()
                .body(JsonNode.class);
        assertThat(data.toString()).contains("collection.cases").contains(reference);

        // an erasure asked while the case is open keeps the case (legal hold) ...
        JsonNode held = erase(tenant, person.debtorId());
        assertThat(held.toString()).contains("collection.cases");
        assertThat(Files.list(drop).count()).as("the dossier stays while the claim is collected").isEqualTo(1);

        // ... and completes when the claim is paid and the case closes: the dossier file is gone
        tenantScope.inTenant(tenant.id(), () -> {
            var inv = invoices.get(person.invoiceId());
            return ledger.post(person.invoiceId(), LedgerEntryKind.PAYMENT, inv.openPrincipal().negate(),
                    inv.openCosts().negate(), inv.openInterest().negate(), LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), "bank", null);
        });
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> !Files.list(drop).findAny().isPresent());
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(dsl.selectOne()
                .from("collection_case").where("id = {0}", caseId))) == 0);
        for (Path file : filesUnder(Path.of(dataDir))) {
            String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String secret : person.secrets()) {
                assertThat(content).as("%s in %s", secret, file).doesNotContain(secret);
            }
        }
    }

    @Test
    void wkiDossiersAreKeptTwoYearsAfterClosingWhateverTheRetentionPeriod() {
        TestTenant tenant = tenants.create();
        tenant.api().put().uri("/api/v1/collection-settings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"collectsForThirdParties\":true}").retrieve().toBodilessEntity();
        UUID expired = closedCase(tenant);
        UUID retained = closedCase(tenant);
        var closed = tenantScope.inTenant(tenant.id(), () -> cases.get(retained));
        assertThat(closed.wki()).isTrue();
        assertThat(closed.retainUntil()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusYears(2));
        tenant.api().put().uri("/api/v1/collection-settings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"collectsForThirdParties\":false}").retrieve().toBodilessEntity();
        UUID plain = closedCase(tenant);
        tenantScope.inTenant(tenant.id(), () -> {
            // closed three years ago; the first WKI case's retention ended a year ago, the second's runs on
            dsl.execute("update collection_case set closed_at = now() - interval '3 years'");
            dsl.execute("update collection_case set retain_until = current_date - 365 where id = {0}", expired);
            return dsl.execute("update collection_case set retain_until = current_date + 30 where id = {0}", retained);
        });
        var dry = retention.run(tenant.id(), Clock.systemDefaultZone(), true);
        assertThat(dry.results()).filteredOn(r -> r.category().equals("collection.closed-cases"))
                .extracting(RetentionRuns.CategoryResult::count).containsExactly(2L);
        retention.run(tenant.id(), Clock.systemDefaultZone(), false);
        assertThat(exists(tenant, expired)).isFalse();
        assertThat(exists(tenant, plain)).isFalse();
        assertThat(exists(tenant, retained)).as("WKI: kept until its retain-until date").isTrue();
    }

    private UUID closedCase(TestTenant tenant) {
        UUID caseId = tenantScope.inTenant(tenant.id(), () -> {
            UUID debtor = DunningFixtures.business(debtors, "Archief BV", List.of());
            UUID invoice = DunningFixtures.invoice(invoices, debtor, "75.00", LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(40));
            return cases.request(debtor, List.of(invoice), "s1").orElseThrow();
        });
        tenantScope.inTenant(tenant.id(), () -> {
            UUID invoice = cases.claims(caseId).getFirst().id();
            return ledger.post(invoice, LedgerEntryKind.PAYMENT, new java.math.BigDecimal("-75.00"),
                    java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), "bank", null);
        });
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> "CLOSED".equals(tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).status()));
        return caseId;
    }

    private boolean exists(TestTenant tenant, UUID caseId) {
        return tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(dsl.selectOne().from("collection_case")
                .where("id = {0}", caseId))) == 1;
    }

    private static JsonNode erase(TestTenant tenant, UUID debtorId) {
        return tenant.api().post().uri("/api/v1/privacy/debtors/" + debtorId + "/erasure")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(JsonNode.class);
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        List<Path> out = new ArrayList<>();
        try (var s = Files.walk(root)) {
            s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("postgres")).forEach(out::add);
        }
        return out;
    }
}
