package io.creditflow.receivables.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.LegalHolds;
import io.creditflow.privacy.rights.Erasures;
import io.creditflow.receivables.OriginalInvoices;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE_ORIGINAL;
import static io.creditflow.receivables.imports.UblImportIntegrationTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original e-invoice kept at UBL intake: byte for byte as uploaded (whatever its encoding and line ends),
 * encrypted at rest, readable only in its own tenant, nothing kept by an import that does not commit, given back in
 * the access export and deleted by an erasure (kept under a legal hold, as evidence of the claim).
 */
@CreditflowTest
class OriginalInvoicesIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired TenantScope tenantScope;
    @Autowired OriginalInvoices originals;
    @Autowired UblImport ubl;
    @Autowired TransactionTemplate tx;
    @Autowired Environment environment;
    @Autowired ImportJobs jobs;
    @Autowired DSLContext dsl;
    @Autowired LegalHolds holds;
    @Autowired Erasures erasures;
    @Autowired JsonMapper json;

    /**
     * The fixture as sent, and a variant no re-serialisation would reproduce: ISO-8859-1 with an accented name, CRLF
     * line ends, a comment and trailing blanks.
     */
    @ParameterizedTest
    @ValueSource(strings = {"as-sent", "latin1-crlf"})
    void aUblImportKeepsTheDocumentByteForByteAndEncrypted(String variant) throws Exception {
        TestTenant tenant = tenants.create();
        byte[] document = variant.equals("as-sent") ? fixture("peppol-invoice.xml") : latin1Variant();
        JsonNode state = new ImportClient(tenant).run(document, "VF-2026-00417.xml", "kind=invoices");
        assertThat(state.get("status").asString()).as(state.toString()).isEqualTo("SUCCEEDED");
        UUID invoiceId = invoiceId(tenant, "VF-2026-00417");

        ResponseEntity<byte[]> download = tenant.api().get().uri("/api/v1/invoices/{id}/original", invoiceId)
                .retrieve().toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(document);
        assertThat(download.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("VF-2026-00417.xml");
        ConsoleSession console = new ConsoleSession(tenant.baseUrl());
        console.login(tenant.user(Role.COLLECTOR), TestTenants.PASSWORD);
        assertThat(console.get("/console/invoices/" + invoiceId).body())
                .contains("/console/invoices/" + invoiceId + "/original.xml");
        var page = console.get("/console/invoices/" + invoiceId + "/original.xml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Disposition").orElseThrow()).contains("VF-2026-00417.xml");
        var original = tenantScope.inTenant(tenant.id(), () -> originals.of(invoiceId)).orElseThrow();
        assertThat(original.bytes()).isEqualTo(document);
        assertThat(original.format()).isEqualTo("UBL");

        // at rest: ciphertext only, as a stolen backup would be read
        var stored = Superuser.jdbc(environment).sql("select content, byte_size from invoice_original "
                + "where tenant_id = ? and invoice_id = ?").params(tenant.id(), invoiceId)
                .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getInt(2)}).single();
        String raw = new String((byte[]) stored[0], StandardCharsets.ISO_8859_1);
        assertThat((int) stored[1]).isEqualTo(document.length);
        assertThat(raw).doesNotContain("Bakkerij").doesNotContain("69599084").doesNotContain("Kerkstraat")
                .doesNotContain("Invoice");
        assertThat(tenant.api().get().uri("/api/v1/imports/{id}", state.get("id").asString()).retrieve()
                .body(String.class)).as("the import's record holds no copy").doesNotContain("Kerkstraat");
    }

    /** A later e-invoice for the same number replaces the kept document (the invoice follows the latest file). */
    @Test
    void aLaterEInvoiceForTheSameNumberReplacesTheOriginal() throws Exception {
        TestTenant tenant = tenants.create();
        byte[] first = fixture("peppol-invoice.xml");
        byte[] second = latin1Variant();
        assertThat(new ImportClient(tenant).run(first, "a.xml", "kind=invoices").get("status").asString())
                .isEqualTo("SUCCEEDED");
        UUID invoiceId = invoiceId(tenant, "VF-2026-00417");
        assertThat(new ImportClient(tenant).run(second, "b.xml", "kind=invoices").get("status").asString())
                .isEqualTo("SUCCEEDED");
        var kept = tenantScope.inTenant(tenant.id(), () -> originals.of(invoiceId)).orElseThrow();
        assertThat(kept.bytes()).isEqualTo(second);
        assertThat(tenantScope.inTenant(tenant.id(), () -> storedCount(invoiceId))).isEqualTo(1);
        assertThat(Superuser.jdbc(environment).sql("select byte_size from invoice_original where tenant_id = ? "
                + "and invoice_id = ?").params(tenant.id(), invoiceId).query(Integer.class).single())
                .isEqualTo(second.length);
    }

    @Test
    void anotherTenantCannotReadTheDocument() throws Exception {
        TestTenant owner = tenants.create();
        TestTenant other = tenants.create();
        assertThat(new ImportClient(owner).run(fixture("peppol-invoice.xml"), "f.xml", "kind=invoices")
                .get("status").asString()).isEqualTo("SUCCEEDED");
        UUID invoiceId = invoiceId(owner, "VF-2026-00417");

        assertThat(other.api().get().uri("/api/v1/invoices/{id}/original", invoiceId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(tenantScope.inTenant(other.id(), () -> originals.of(invoiceId))).isEmpty();
        assertThat(tenantScope.inTenant(other.id(), () -> storedCount(invoiceId))).as("row-level security")
                .isZero();
        assertThat(tenantScope.inTenant(owner.id(), () -> storedCount(invoiceId))).isEqualTo(1);
    }

    @Test
    void invoicesFromTheApiHaveNoOriginal() {
        TestTenant tenant = tenants.create();
        JsonNode debtor = tenant.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON)
                .body("{\"externalId\":\"D-1\",\"type\":\"BUSINESS\",\"name\":\"Api Handel BV\"}").retrieve()
                .body(JsonNode.class);
        JsonNode invoice = tenant.api().post().uri("/api/v1/invoices").contentType(MediaType.APPLICATION_JSON)
                .body("{\"debtorId\":\"" + debtor.get("id").asString() + "\",\"number\":\"A-1\",\"issueDate\":"
                        + "\"2026-10-01\",\"dueDate\":\"2026-10-31\",\"amount\":\"121.00\"}").retrieve()
                .body(JsonNode.class);
        UUID invoiceId = UUID.fromString(invoice.get("id").asString());
        assertThat(tenant.api().get().uri("/api/v1/invoices/{id}/original", invoiceId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(tenantScope.inTenant(tenant.id(), () -> originals.of(invoiceId))).isEmpty();
        ConsoleSession console = new ConsoleSession(tenant.baseUrl());
        console.login(tenant.user(Role.COLLECTOR), TestTenants.PASSWORD);
        assertThat(console.get("/console/invoices/" + invoiceId).body()).doesNotContain("original.xml");
    }

    @Test
    void anImportThatDoesNotCommitKeepsNothing() throws Exception {
        TestTenant tenant = tenants.create();
        ImportClient imports = new ImportClient(tenant);
        // a dry run and a document that breaks a Peppol rule: refused or rolled back, nothing kept
        assertThat(imports.run(fixture("peppol-invoice.xml"), "dry.xml", "kind=invoices&dryRun=true")
                .get("status").asString()).isEqualTo("VALIDATED");
        String broken = new String(fixture("peppol-invoice.xml"), StandardCharsets.UTF_8)
                .replace("<cbc:BuyerReference>PO-88213</cbc:BuyerReference>", "");
        assertThat(imports.run(broken.getBytes(StandardCharsets.UTF_8), "broken.xml", "kind=invoices")
                .get("status").asString()).isEqualTo("FAILED");
        assertThat(tenantRows(tenant)).isZero();

        // written, then the transaction rolls back: neither the invoice nor its original remains
        Path file = Files.createTempFile("ubl", ".xml");
        Files.write(file, fixture("peppol-invoice.xml"));
        tx.executeWithoutResult(status -> {
            try (var scope = tenantScope.enter(tenant.id())) {
                ErrorSink errors = new ErrorSink(jobs, UUID.randomUUID());
                UblImport.Document document = ubl.read(file, errors);
                assertThat(errors.count()).isZero();
                ubl.write(document, UUID.randomUUID());
                assertThat(storedCount(null)).as("written inside the transaction").isEqualTo(1);
            }
            status.setRollbackOnly();
        });
        Files.delete(file);
        assertThat(tenantRows(tenant)).isZero();
        assertThat(tenant.api().get().uri("/api/v1/invoices?number=VF-2026-00417").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"as-sent", "latin1-crlf"})
    void theAccessExportGivesTheDocumentBackAndAnErasureDeletesIt(String variant) throws Exception {
        TestTenant tenant = tenants.create();
        byte[] document = variant.equals("as-sent") ? fixture("peppol-invoice.xml") : latin1Variant();
        assertThat(new ImportClient(tenant).run(document, "f.xml", "kind=invoices").get("status").asString())
                .isEqualTo("SUCCEEDED");
        UUID invoiceId = invoiceId(tenant, "VF-2026-00417");
        String debtorId = debtorOf(tenant, invoiceId);

        String exported = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/export", debtorId).retrieve()
                .body(String.class);
        Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(Path.of("docs/privacy/access-export.schema.json")))
                .validate(new ObjectMapper().readTree(exported));
        assertThat(problems).as("the export matches docs/privacy/access-export.schema.json").isEmpty();
        JsonNode record = section(json.readTree(exported), "receivables.original-invoices").get("records").get(0);
        byte[] given = record.has("content") ? record.get("content").asString().getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(record.get("contentBase64").asString());
        assertThat(given).as("UTF-8 as text, anything else in Base64: byte for byte either way").isEqualTo(document);
        assertThat(record.has("content")).isEqualTo(variant.equals("as-sent"));
        assertThat(record.get("invoiceId").asString()).isEqualTo(invoiceId.toString());

        JsonNode erasure = tenant.api().post().uri("/api/v1/privacy/debtors/{id}/erasure", debtorId)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(JsonNode.class);
        assertThat(erasure.get("status").asString()).as(erasure.toString()).isEqualTo("COMPLETED");
        assertThat(outcome(erasure.get("certificate"))).isEqualTo("DELETED");
        assertThat(tenantRows(tenant)).as("the original is gone, not only unreadable").isZero();
        assertThat(tenant.api().get().uri("/api/v1/invoices/{id}/original", invoiceId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(tenant.api().get().uri("/api/v1/invoices/{id}", invoiceId).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("the invoice itself is kept for fiscal retention").isEqualTo(200);
    }

    @Test
    void underALegalHoldTheOriginalIsKeptAsEvidenceUntilTheHoldEnds() throws Exception {
        TestTenant tenant = tenants.create();
        byte[] document = fixture("peppol-invoice.xml");
        assertThat(new ImportClient(tenant).run(document, "f.xml", "kind=invoices").get("status").asString())
                .isEqualTo("SUCCEEDED");
        UUID invoiceId = invoiceId(tenant, "VF-2026-00417");
        UUID debtorId = UUID.fromString(debtorOf(tenant, invoiceId));
        tenantScope.inTenant(tenant.id(), () -> holds.place(debtorId, "collection.case", "CASE-UBL",
                "open collection case: the claim is being collected"));

        JsonNode first = tenant.api().post().uri("/api/v1/privacy/debtors/{id}/erasure", debtorId)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(JsonNode.class);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("PENDING_HOLD");
        assertThat(outcome(first.get("certificate"))).isEqualTo("KEPT");
        assertThat(tenantScope.inTenant(tenant.id(), () -> originals.of(invoiceId))).as("the claim's evidence")
                .hasValueSatisfying(o -> assertThat(o.bytes()).isEqualTo(document));

        tenantScope.inTenant(tenant.id(), () -> holds.release("collection.case", "CASE-UBL"));
        tenantScope.inTenant(tenant.id(), () -> erasures.completePending(debtorId));
        assertThat(tenantRows(tenant)).isZero();
    }

    private static String outcome(JsonNode certificate) {
        return section(certificate, "receivables.original-invoices").get("actions").get(0).get("outcome").asString();
    }

    private static String debtorOf(TestTenant tenant, UUID invoiceId) {
        return tenant.api().get().uri("/api/v1/invoices/{id}", invoiceId).retrieve().body(JsonNode.class)
                .get("debtorId").asString();
    }

    private static JsonNode section(JsonNode parent, String name) {
        for (JsonNode s : parent.get("sections")) {
            if (s.get("section").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no section " + name + " in " + parent);
    }

    /** Rows the application sees in the current tenant (row-level security applies): all, or one invoice's. */
    private int storedCount(@Nullable UUID invoiceId) {
        return invoiceId == null ? dsl.fetchCount(INVOICE_ORIGINAL)
                : dsl.fetchCount(INVOICE_ORIGINAL, INVOICE_ORIGINAL.INVOICE_ID.eq(invoiceId));
    }

    private int tenantRows(TestTenant tenant) {
        return Superuser.jdbc(environment).sql("select count(*) from invoice_original where tenant_id = ?")
                .param(tenant.id()).query(Integer.class).single();
    }

    private static UUID invoiceId(TestTenant tenant, String number) {
        return UUID.fromString(tenant.api().get().uri("/api/v1/invoices?number=" + number).retrieve()
                .body(JsonNode.class).get("id").asString());
    }

    private static byte[] latin1Variant() throws Exception {
        String xml = new String(fixture("peppol-invoice.xml"), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("<cbc:Name>Bakkerij Visser</cbc:Name>", "<cbc:Name>Bakkerij Vissér</cbc:Name>")
                .replace("<cbc:ProfileID>", "<!-- verzonden door het boekhoudpakket -->\n  <cbc:ProfileID>")
                .replace("\n", "  \r\n");
        return xml.getBytes(StandardCharsets.ISO_8859_1);
    }
}
