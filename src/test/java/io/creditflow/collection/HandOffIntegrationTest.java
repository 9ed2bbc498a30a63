package io.creditflow.collection;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.messaging.WebhookSignatures;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-off: four-eyes approval over the API, the dossier's contents (PDF text, JSON, invoices, communication,
 * 14-day-letter evidence), the encrypted file drop, and the agency's signed, idempotent callbacks booking payments.
 */
@CreditflowTest
class HandOffIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired TenantScope tenantScope;
    @Autowired CollectionCases cases;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired DSLContext dsl;
    @Autowired JsonMapper json;
    @Autowired HandOffs handOffs;
    @Autowired TransactionTemplate tx;
    @Value("${creditflow.data-dir}") String dataDir;

    TestTenant tenant;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void tenant() {
        tenant = tenants.create();
    }

    <T> T in(java.util.function.Supplier<T> work) {
        return tenantScope.inTenant(tenant.id(), work);
    }

    @Test
    void aCollectorsRequestApprovedBySomeoneElseHandsOffTheDossierAndTheAgencyBooksPayments() throws Exception {
        String name = "Marijke Verhoeven" + UUID.randomUUID().toString().substring(0, 6);
        UUID debtor = in(() -> DunningFixtures.consumer(debtors, name, "nl", true));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "1000.00", today.minusDays(70)));
        String number = in(() -> invoices.get(invoice).number());
        in(() -> letterEvidence(debtor, invoice));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();

        // not in default yet: refused, nothing changes
        assertThat(post(tenant.api(), "/api/v1/collection-cases/" + caseId + "/handoff", "").status()).isEqualTo(422);
        for (int i = 0; i < 3; i++) {
            assertThat(post(tenant.api(), "/api/v1/collection-cases/" + caseId + "/advance", "").status()).isEqualTo(200);
        }
        assertThat(post(tenant.api(), "/api/v1/collection-cases/" + caseId + "/handoff", "").status()).isEqualTo(200);
        // the requester cannot approve their own request
        assertThat(post(tenant.api(), "/api/v1/collection-cases/" + caseId + "/handoff/approval", "").status())
                .isEqualTo(422);
        RestClient approver = tenants.apiWithScopes(tenant, Set.of("collection:approve", "collection:read"));
        Answer approved = post(approver, "/api/v1/collection-cases/" + caseId + "/handoff/approval", "");
        assertThat(approved.status()).isEqualTo(200);
        UUID handoffId = UUID.fromString(json.readTree(approved.body()).get("id").asString());

        var c = in(() -> cases.get(caseId));
        assertThat(c.stage()).isEqualTo(Stage.BAILIFF);
        assertThat(c.status()).isEqualTo("HANDED_OFF");

        // the file drop holds the dossier encrypted: the debtor's name is not in the file
        Path drop = Path.of(dataDir, "collection", "file-drop", tenant.id().toString(), handoffId + ".dossier");
        assertThat(drop).exists();
        assertThat(new String(Files.readAllBytes(drop), StandardCharsets.ISO_8859_1)).doesNotContain(name);

        Map<String, byte[]> files = unzip(tenant.api().get().uri("/api/v1/collection-cases/" + caseId + "/dossier")
                .retrieve().body(byte[].class));
        assertThat(files).containsKeys("dossier.pdf", "dossier.json", "invoices/" + number + ".pdf");
        JsonNode doc = json.readTree(files.get("dossier.json"));
        assertThat(doc.get("case").get("reference").asString()).isEqualTo(c.reference());
        assertThat(doc.get("debtor").get("name").asString()).isEqualTo(name);
        assertThat(doc.get("claims").get(0).get("number").asString()).isEqualTo(number);
        assertThat(doc.get("claims").get(0).get("openCosts").asString()).isEqualTo("150.00");
        assertThat(doc.get("fourteenDayLetters").get(0).get("deadline").asString())
                .isEqualTo(today.minusDays(15).toString());
        assertThat(doc.get("fourteenDayLetters").get(0).get("valid").asBoolean()).isTrue();
        List<String> subjects = doc.get("communication").valueStream().map(m -> m.get("subject").asString()).toList();
        assertThat(subjects).anyMatch(s -> s.startsWith("Ingebrekestelling dossier " + c.reference()))
                .anyMatch(s -> s.startsWith("Herinnering dossier " + c.reference()));
        assertThat(doc.get("stages").valueStream().map(s -> s.get("stage").asString()).toList())
                .containsExactly("NEW", "REMINDER", "SECOND_REMINDER", "NOTICE_OF_DEFAULT");
        String pdf = text(files.get("dossier.pdf"));
        assertThat(pdf).contains("Collection dossier " + c.reference()).contains(name).contains(number)
                .contains("NOTICE_OF_DEFAULT").contains(today.minusDays(15).toString());
        assertThat(text(files.get("invoices/" + number + ".pdf"))).contains("Invoice " + number).contains("1000.00");

        // the agency's callbacks: signed with the tenant's agency secret, idempotent by event id
        String secret = json.readTree(post(tenant.api(), "/api/v1/collection-settings/agency-secret", "").body())
                .get("secret").asString();
        String payment = "{\"eventId\":\"pay-1\",\"type\":\"PAYMENT\",\"amount\":\"200.00\",\"date\":\"" + today + "\"}";
        BigDecimal before = in(() -> invoices.get(invoice)).openAmount();
        BigDecimal interestBefore = in(() -> invoices.get(invoice)).openInterest();
        Answer unsigned = callback(handoffId, "t=1,v1=00", payment);
        assertThat(unsigned.status()).isEqualTo(401);
        Answer wrongKey = callback(handoffId, WebhookSignatures.header("not-the-secret", Instant.now(), payment), payment);
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(in(() -> invoices.get(invoice)).openAmount()).as("nothing booked").isEqualByComparingTo(before);
        assertThat(callback(handoffId, WebhookSignatures.header(secret, Instant.now(), payment), payment).body())
                .contains("BOOKED");
        assertThat(callback(handoffId, WebhookSignatures.header(secret, Instant.now(), payment), payment).body())
                .contains("DUPLICATE");
        var after = in(() -> invoices.get(invoice));
        assertThat(after.openAmount()).isEqualByComparingTo(before.subtract(new BigDecimal("200.00")));
        // by law the payment goes to costs first (art. 6:44 BW)
        assertThat(after.openCosts()).isZero();
        BigDecimal toInterest = interestBefore.min(new BigDecimal("50.00"));
        assertThat(after.openInterest()).isEqualByComparingTo(interestBefore.subtract(toInterest));
        assertThat(after.openPrincipal()).isEqualByComparingTo(new BigDecimal("1000.00")
                .subtract(new BigDecimal("50.00").subtract(toInterest)));

        String bad = "{\"eventId\":\"x\",\"type\":\"PAYMENT\",\"amount\":\"-5\"}";
        Answer invalid = callback(handoffId, WebhookSignatures.header(secret, Instant.now(), bad), bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("amount");

        String status = "{\"eventId\":\"st-1\",\"type\":\"STATUS\",\"status\":\"IN_PROGRESS\"}";
        assertThat(callback(handoffId, WebhookSignatures.header(secret, Instant.now(), status), status).body())
                .contains("UPDATED");

        // the rest paid through the agency: the case closes
        String rest = "{\"eventId\":\"pay-2\",\"type\":\"PAYMENT\",\"amount\":\""
                + after.openAmount().toPlainString() + "\"}";
        assertThat(callback(handoffId, WebhookSignatures.header(secret, Instant.now(), rest), rest).body())
                .contains("BOOKED");
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> "CLOSED".equals(in(() -> cases.get(caseId)).status()));
        JsonNode detail = json.readTree(tenant.api().get().uri("/api/v1/collection-cases/" + caseId).retrieve()
                .body(String.class));
        assertThat(detail.get("handoff").get("collected").asString())
                .isEqualTo(before.setScale(2).toPlainString());
    }

    @Test
    void aClaimThatCameInAsUblIsHandedOffWithItsOriginalEInvoiceByteForByte() throws Exception {
        byte[] ubl;
        try (var in = getClass().getResourceAsStream("/imports/peppol-invoice.xml")) {
            ubl = in.readAllBytes();
        }
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(ubl) {
            @Override
            public String getFilename() {
                return "VF-2026-00417.xml";
            }
        });
        String importId = tenant.api().post().uri("/api/v1/imports?kind=invoices")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class)
                .get("id").asString();
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> List.of("SUCCEEDED", "FAILED").contains(
                tenant.api().get().uri("/api/v1/imports/" + importId).retrieve().body(JsonNode.class)
                        .get("status").asString()));
        JsonNode imported = tenant.api().get().uri("/api/v1/invoices?number=VF-2026-00417").retrieve()
                .body(JsonNode.class);
        UUID ublInvoice = UUID.fromString(imported.get("id").asString());
        UUID debtor = UUID.fromString(imported.get("debtorId").asString());
        UUID apiInvoice = in(() -> DunningFixtures.invoice(invoices, debtor, "300.00", today.minusDays(70)));
        String apiNumber = in(() -> invoices.get(apiInvoice).number());
        UUID caseId = in(() -> cases.request(debtor, List.of(ublInvoice, apiInvoice), "s1")).orElseThrow();
        for (int i = 0; i < 3; i++) {
            in(() -> cases.advance(caseId));
        }
        assertThat(post(tenant.api(), "/api/v1/collection-cases/" + caseId + "/handoff", "").status()).isEqualTo(200);
        RestClient approver = tenants.apiWithScopes(tenant, Set.of("collection:approve", "collection:read"));
        Answer approved = post(approver, "/api/v1/collection-cases/" + caseId + "/handoff/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        UUID handoffId = UUID.fromString(json.readTree(approved.body()).get("id").asString());
        Path drop = Path.of(dataDir, "collection", "file-drop", tenant.id().toString(), handoffId + ".dossier");
        assertThat(new String(Files.readAllBytes(drop), StandardCharsets.ISO_8859_1)).doesNotContain("Kerkstraat 12a");

        Map<String, byte[]> files = unzip(tenant.api().get().uri("/api/v1/collection-cases/" + caseId + "/dossier")
                .retrieve().body(byte[].class));
        assertThat(files.get("invoices/VF-2026-00417.xml")).as("the e-invoice as uploaded").isEqualTo(ubl);
        assertThat(files).containsKeys("invoices/VF-2026-00417.pdf", "invoices/" + apiNumber + ".pdf")
                .doesNotContainKey("invoices/" + apiNumber + ".xml");
        JsonNode claims = json.readTree(files.get("dossier.json")).get("claims");
        JsonNode fromUbl = claims.valueStream().filter(c -> c.get("number").asString().equals("VF-2026-00417"))
                .findFirst().orElseThrow();
        assertThat(fromUbl.get("originalFormat").asString()).isEqualTo("UBL");
        JsonNode original = fromUbl.get("originalDocument");
        assertThat(original.get("file").asString()).isEqualTo("invoices/VF-2026-00417.xml");
        assertThat(original.get("mediaType").asString()).isEqualTo("application/xml");
        assertThat(original.get("bytes").asInt()).isEqualTo(ubl.length);
        assertThat(original.get("sha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(ubl)));
        JsonNode fromApi = claims.valueStream().filter(c -> c.get("number").asString().equals(apiNumber))
                .findFirst().orElseThrow();
        assertThat(fromApi.get("originalFormat").asString()).isEqualTo("PDF");
        assertThat(fromApi.get("originalDocument").isNull()).isTrue();
        assertThat(new String(files.get("dossier.json"), StandardCharsets.UTF_8)).doesNotContain("not retained");
        assertThat(text(files.get("invoices/VF-2026-00417.pdf"))).contains("invoices/VF-2026-00417.xml");
    }

    @Test
    void anAutomaticHandOffNeedsNoApproval() {
        tenant.api().put().uri("/api/v1/collection-settings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"autoHandoffStage\":\"READY_FOR_BAILIFF\"}").retrieve().toBodilessEntity();
        UUID debtor = in(() -> DunningFixtures.business(debtors, "Transport Bakker", List.of()));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "400.00", today.minusDays(70)));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();
        for (int i = 0; i < 4; i++) {
            in(() -> cases.advance(caseId));
        }
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> in(() -> cases.get(caseId)).stage() == Stage.BAILIFF);
        assertThat(in(() -> cases.stages(caseId))).extracting(CollectionCases.StageEntry::stage)
                .endsWith(Stage.READY_FOR_BAILIFF, Stage.BAILIFF);
    }

    @Test
    void badSettingsNameTheFieldAndChangeNothing() {
        Answer r = put("/api/v1/collection-settings", "{\"dossierRetentionYears\":1,\"stageIntervalDays\":0}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("dossierRetentionYears").contains("stageIntervalDays");
        assertThat(tenant.api().get().uri("/api/v1/collection-settings").retrieve().body(String.class))
                .contains("\"dossierRetentionYears\":2");
    }

    @Test
    void aHandOffThatRollsBackLeavesNoDossierFileBehind() throws Exception {
        UUID debtor = in(() -> DunningFixtures.business(debtors, "Rollback Handel BV", List.of()));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "700.00", today.minusDays(70)));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();
        for (int i = 0; i < 3; i++) {
            in(() -> cases.advance(caseId));
        }
        assertThat(post(tenant.api(), "/api/v1/collection-cases/" + caseId + "/handoff", "").status()).isEqualTo(200);
        Path drops = Path.of(dataDir, "collection", "file-drop", tenant.id().toString());

        // the approval (by the system actor, not the key that asked) hands off, then the surrounding transaction
        // rolls back: no hand-off row, the case where it was, and no file in the drop
        tx.executeWithoutResult(status -> {
            try (var scope = tenantScope.enter(tenant.id())) {
                UUID handoff = handOffs.approve(caseId).id();
                assertThat(drops.resolve(handoff + ".dossier")).as("written inside the transaction").exists();
            }
            status.setRollbackOnly();
        });
        assertThat(in(() -> handOffs.ofCase(caseId))).isEmpty();
        assertThat(in(() -> cases.get(caseId)).stage()).isEqualTo(Stage.NOTICE_OF_DEFAULT);
        assertThat(dossierFiles(drops)).isEmpty();

        // committed, the file stays
        UUID handoff = tx.execute(status -> {
            try (var scope = tenantScope.enter(tenant.id())) {
                return handOffs.approve(caseId).id();
            }
        });
        assertThat(dossierFiles(drops)).containsExactly(handoff + ".dossier");
    }

    private static List<String> dossierFiles(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    record Answer(int status, String body) {
    }

    private Answer post(RestClient client, String path, String body) {
        var r = client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body.isEmpty() ? "{}" : body)
                .retrieve().toEntity(String.class);
        return new Answer(r.getStatusCode().value(), r.getBody() == null ? "" : r.getBody());
    }

    private Answer put(String path, String body) {
        var r = tenant.api().put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
        return new Answer(r.getStatusCode().value(), r.getBody() == null ? "" : r.getBody());
    }

    private Answer callback(UUID handoffId, String signature, String body) {
        var r = RestClient.builder().baseUrl(tenant.baseUrl()).defaultStatusHandler(s -> true, (q, s) -> { }).build()
                .post().uri("/api/v1/collection-agency/callbacks/" + handoffId).contentType(MediaType.APPLICATION_JSON)
                .header("X-Creditflow-Signature", signature).body(body).retrieve().toEntity(String.class);
        return new Answer(r.getStatusCode().value(), r.getBody() == null ? "" : r.getBody());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder s = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            s.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        return s.toString();
    }

    private int letterEvidence(UUID debtor, UUID invoice) {
        UUID letter = UUID.randomUUID();
        dsl.execute("""
                insert into dunning_letter (tenant_id, id, debtor_id, action_date, message_id, channel, status,
                       debtor_type, principal, stated_costs, costs_excl_vat, vat, vat_declared, latest_due_date,
                       term_days, sent_at, assumed_delivery, deadline, delivery_rule, valid, assessment)
                values (current_tenant(), {0}, {1}, {2}, {3}, 'EMAIL', 'SENT', 'CONSUMER', 1000.00, 150.00, 150.00, 0,
                        false, {4}, 14, now() - interval '30 days', {2}, {5}, 'e-mail: same day', true, 'valid')""",
                letter, debtor, today.minusDays(30), UUID.randomUUID(), today.minusDays(70), today.minusDays(15));
        return dsl.execute("insert into dunning_letter_invoice (tenant_id, letter_id, invoice_id, principal) "
                + "values (current_tenant(), {0}, {1}, 1000.00)", letter, invoice);
    }
}
