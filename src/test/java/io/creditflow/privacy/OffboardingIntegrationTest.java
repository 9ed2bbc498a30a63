package io.creditflow.privacy;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.privacy.lifecycle.Offboarding;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offboarding: the export deadline is 10 Dutch working days after the end of the contract; the bundle holds every
 * table of the tenant as JSON Lines with checksums that match, the debtors' personal data decrypted, and no keys; on
 * disk it is ciphertext; deletion is refused before the bundle exists and then removes every row, key and file of the
 * tenant (and nothing of another tenant), leaving a certificate without personal data.
 */
@CreditflowTest
class OffboardingIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired Offboarding offboarding;
    @Autowired Environment environment;
    @Autowired JsonMapper json;
    @Value("${creditflow.data-dir}") String dataDir;

    @Test
    void theControllerGetsEverythingBackThenEverythingIsDeleted() throws Exception {
        TestTenant leaving = tenants.create();
        TestTenant staying = tenants.create();
        Person person = fixtures.person(leaving, 61);
        Person stays = fixtures.person(staying, 62);

        Offboarding.Status started = offboarding.start(leaving.id(), LocalDate.of(2026, 12, 18));
        assertThat(started.exportDue()).as("10 working days, Christmas excluded").isEqualTo(LocalDate.of(2027, 1, 5));
        assertThatThrownBy(() -> offboarding.delete(leaving.id(), leaving.slug()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("export bundle");

        Offboarding.Status ready = offboarding.buildBundle(leaving.id());
        assertThat(ready.bundleStatus()).isEqualTo("READY");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        offboarding.download(leaving.id(), zip);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.toByteArray())))
                .isEqualTo(ready.bundleSha256());
        Map<String, byte[]> entries = unzip(zip.toByteArray());
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asString()).isEqualTo("creditflow.tenant-export");
        for (JsonNode file : manifest.get("files")) {
            byte[] content = entries.get(file.get("path").asString());
            assertThat(content).as(file.get("path").asString()).isNotNull();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .as("checksum of %s", file.get("path").asString()).isEqualTo(file.get("sha256").asString());
        }
        assertThat(entries).containsKeys("tables/debtor.jsonl", "tables/invoice.jsonl", "tables/outbox_message.jsonl",
                "tables/audit_entry.jsonl", "subjects.jsonl", "README.txt", "tenant.json")
                .doesNotContainKeys("tables/subject_key.jsonl", "tables/tenant_key.jsonl");
        assertThat(new String(entries.get("tables/debtor.jsonl"), StandardCharsets.UTF_8).lines()).hasSize(1);
        String subjects = new String(entries.get("subjects.jsonl"), StandardCharsets.UTF_8);
        assertThat(subjects).contains(person.name(), person.email(), person.iban(), person.invoiceNumber())
                .doesNotContain(stays.name());
        Path bundleDir = Path.of(dataDir, "exports", leaving.id().toString());
        for (Path file : Files.list(bundleDir).toList()) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                    .as("the bundle on disk is encrypted").doesNotContain(person.name()).doesNotContain(person.email());
        }

        assertThatThrownBy(() -> offboarding.delete(leaving.id(), "wrong-slug"))
                .isInstanceOf(BusinessRuleException.class);
        Offboarding.Status deleted = offboarding.delete(leaving.id(), leaving.slug());
        assertThat(deleted.tenantStatus()).isEqualTo("DELETED");
        JsonNode certificate = json.readTree(deleted.deletionCertificate());
        assertThat(certificate.get("keysDestroyed").asLong()).isPositive();
        assertThat(certificate.get("rowsDeleted").asLong()).isPositive();
        assertThat(certificate.toString()).doesNotContain(person.name()).doesNotContain(person.email());

        JdbcClient superuser = Superuser.jdbc(environment);
        for (String table : superuser.sql("select table_name from information_schema.columns where table_schema = "
                + "'public' and column_name = 'tenant_id' and table_name not in ('tenant_offboarding', 'breach_tenant')")
                .query(String.class).list()) {
            long left = superuser.sql("select count(*) from \"" + table + "\" where tenant_id = ?").param(leaving.id())
                    .query(Long.class).single();
            assertThat(left).as("rows of the deleted tenant left in %s", table).isZero();
        }
        assertThat(Files.exists(bundleDir)).isFalse();
        assertThat(leaving.api().get().uri("/api/v1/debtors").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        assertThat(staying.api().get().uri("/api/v1/debtors/{id}", stays.debtorId()).retrieve().body(JsonNode.class)
                .get("name").asString()).as("the other tenant is untouched").isEqualTo(stays.name());
        assertThatThrownBy(() -> superuser.sql("select * from privacy_delete_tenant(?)")
                .param(staying.id()).query().listOfRows())
                .as("the database refuses to delete a tenant that is not being offboarded")
                .hasMessageContaining("not being offboarded");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
