package io.creditflow.privacy;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure reaches everything: after it, a dump of every table (as the superuser, the way a stolen backup is read) and
 * every file Creditflow wrote under its data directory hold no value of the person in clear, the debtor can no longer
 * be found or read, and a certificate without personal data tells what was erased and what was kept and why.
 */
@CreditflowTest
class ErasureIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired Environment environment;
    @Value("${creditflow.data-dir}") String dataDir;

    @Test
    void erasureLeavesNoPlaintextOfThePersonAnywhere() throws Exception {
        TestTenant tenant = tenants.create();
        Person person = fixtures.person(tenant, 81);
        Person bystander = fixtures.person(tenant, 82);
        tenant.api().post().uri("/api/v1/privacy/debtors/{id}/contests", person.debtorId())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"field\":\"name\",\"statement\":\"My name is " + person.name() + ", spelled differently\"}")
                .retrieve().toBodilessEntity();
        JsonNode request = post(tenant, "/api/v1/privacy/requests", """
                {"type":"ERASURE","debtorId":"%s","channel":"EMAIL","note":"Asked by %s"}"""
                .formatted(person.debtorId(), person.email()));
        assertThat(creditChecksOf(tenant, person)).as("the test's own check: the person's credit check is found")
                .hasSize(1);
        String dumpBefore = dump();
        assertThat(dumpBefore).as("the test's own check: the stored API responses repeat the person in clear")
                .contains(person.email());
        assertThat(dumpBefore).as("the test's own check: free text about the person in clear (review note, pause note)")
                .contains("Please answer by e-mail to " + person.email(), "Belt terug op " + person.phone());

        JsonNode erasure = post(tenant, "/api/v1/privacy/debtors/" + person.debtorId() + "/erasure",
                "{\"requestId\":\"" + request.get("id").asString() + "\"}");

        assertThat(erasure.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode certificate = erasure.get("certificate");
        assertThat(certificate.get("subjectKey").asString()).isEqualTo("DESTROYED");
        assertThat(certificate.toString()).doesNotContain(person.name()).doesNotContain(person.email())
                .doesNotContain(person.externalId()).contains("Fiscal retention");
        assertThat(outcomes(certificate)).contains("receivables.debtor:SHREDDED", "receivables.invoices:KEPT",
                "messaging.messages:DELETED", "platform.api-responses:DELETED", "payments.bank-entries:MINIMISED",
                "payments.mandates:SHREDDED", "payments.arrangements:DELETED", "acceptance.checks:SHREDDED",
                "acceptance.checks:MINIMISED", "dunning.history:DELETED", "dunning.history:MINIMISED",
                "dunning.history:KEPT");
        assertThat(Superuser.jdbc(environment).sql("select count(*) from bank_entry where debtor_id = ? "
                + "and (details is not null or payer_iban_index is not null)").param(person.debtorId())
                .query(Integer.class).single()).as("the payer's details of the person's payments are gone").isZero();
        assertThat(creditChecksOf(tenant, person)).as("the identity is detached from the person's natural key")
                .isEmpty();

        String dump = dump();
        for (String secret : person.secrets()) {
            assertThat(dump).as("%s of the erased person in the dump", secret).doesNotContain(secret);
        }
        assertThat(dump).as("the other debtor is untouched").contains(bystander.externalId());
        assertThat(dump).as("invoices are kept for fiscal retention").contains(person.invoiceNumber());
        for (Path file : filesUnder(Path.of(dataDir))) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : person.secrets()) {
                assertThat(content).as("%s in %s", secret, file).doesNotContain(secret);
            }
        }

        JsonNode debtor = tenant.api().get().uri("/api/v1/debtors/{id}", person.debtorId()).retrieve()
                .body(JsonNode.class);
        assertThat(debtor.get("erased").asBoolean()).isTrue();
        assertThat(debtor.get("name").isNull()).isTrue();
        JsonNode search = tenant.api().get().uri("/api/v1/debtors?q={q}", person.email()).retrieve()
                .body(JsonNode.class);
        assertThat(search.get("items").size()).as("search indexes are gone").isZero();
        JsonNode completed = tenant.api().get().uri("/api/v1/privacy/requests/{id}", request.get("id").asString())
                .retrieve().body(JsonNode.class);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        int again = tenant.api().post().uri("/api/v1/privacy/debtors/{id}/erasure", person.debtorId())
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toBodilessEntity()
                .getStatusCode().value();
        assertThat(again).isEqualTo(422);
    }

    private static List<String> outcomes(JsonNode certificate) {
        List<String> out = new ArrayList<>();
        certificate.get("sections").forEach(s -> s.get("actions").forEach(a ->
                out.add(s.get("section").asString() + ":" + a.get("outcome").asString())));
        return out;
    }

    private static JsonNode post(TestTenant tenant, String path, String body) {
        var response = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", path, response.getBody()).isTrue();
        return response.getBody();
    }

    private static JsonNode creditChecksOf(TestTenant tenant, Person person) {
        return tenant.api().get().uri("/api/v1/credit-checks?lastName={n}&firstName=Wilhelmina&dateOfBirth=1931-02-17",
                person.name().split(" ")[1]).retrieve().body(JsonNode.class).get("items");
    }

    private String dump() throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = Superuser.dataSource(environment).getConnection()) {
            List<String> tables = Superuser.jdbc(environment).sql(
                    "select tablename from pg_tables where schemaname = 'public' order by 1").query(String.class).list();
            for (String table : tables) {
                out.write("-- " + table + "\n");
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout", out);
            }
        }
        // bytea columns are dumped as hex: decode them too, so that a plaintext inside a byte column is found
        String text = out.toString();
        StringBuilder decoded = new StringBuilder(text);
        var hex = java.util.regex.Pattern.compile("\\\\\\\\x([0-9a-f]+)").matcher(text);
        while (hex.find()) {
            decoded.append('\n').append(new String(java.util.HexFormat.of().parseHex(hex.group(1)),
                    StandardCharsets.ISO_8859_1));
        }
        return decoded.toString();
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
