package io.creditflow.support;

import io.creditflow.collection.CollectionCases;
import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningPauses;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.PostalAddress;
import io.creditflow.messaging.letters.PrintBatches;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.payments.CamtFile;
import io.creditflow.platform.TenantScope;
import io.creditflow.scoring.ScoringFixtures;
import io.creditflow.scoring.monitoring.ScoreLog;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.shared.IbanGenerator;
import io.creditflow.support.TestTenants.TestTenant;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A person with data in every module that holds personal data, made through the real entry points (the API with an
 * Idempotency-Key, the outbox, the print batch, a dunning run): what a data-subject right must find, export and erase.
 * Every value is unique per call, so a search of a dump or a file for it cannot hit anything else.
 * <p>
 * Per module: receivables (debtor, invoice), messaging (an e-mail and a letter), acceptance (a credit check of the
 * person, matched to the debtor by date of birth and last name, and an art. 22 review request whose note names the
 * person's e-mail address), dunning (a run 36 days after the due date: the 14-day letter by e-mail and post, with its
 * evidence once the print batch closes; then a pause whose free-text note names the person's phone number).
 */
@TestComponent
public class PrivacyFixtures {

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final PrintBatches printBatches;
    private final TenantScope tenantScope;
    private final CollectionCases collectionCases;
    private final io.creditflow.portal.PortalMessages portalMessages;
    private final ScoringModels scoringModels;
    private final ScoreLog scoreLog;
    private final Flows flows;
    private final DunningRuns runs;
    private final DunningPauses pauses;

    PrivacyFixtures(Outbox outbox, OutboxDispatcher dispatcher, PrintBatches printBatches, TenantScope tenantScope,
                    CollectionCases collectionCases, io.creditflow.portal.PortalMessages portalMessages,
                    ScoringModels scoringModels, ScoreLog scoreLog, Flows flows, DunningRuns runs,
                    DunningPauses pauses) {
        this.scoringModels = scoringModels;
        this.scoreLog = scoreLog;
        this.flows = flows;
        this.runs = runs;
        this.pauses = pauses;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.printBatches = printBatches;
        this.tenantScope = tenantScope;
        this.collectionCases = collectionCases;
        this.portalMessages = portalMessages;
    }

    /**
     * Opens a collection case for the person's invoice, as dunning's request would (it places a legal hold and sends
     * the case's first message). Separate from {@link #person}: an open case changes what an erasure may do.
     */
    public UUID collectionCase(TestTenant tenant, Person person) {
        return tenantScope.inTenant(tenant.id(), () -> collectionCases.request(person.debtorId(),
                List.of(person.invoiceId()), "fixture/" + person.externalId()).orElseThrow());
    }

    public record Person(UUID debtorId, UUID invoiceId, String externalId, String name, String email, String phone,
                         String iban, String street, String city, String dateOfBirth, String invoiceNumber) {
        /** The values that identify the person: none may survive an erasure in clear. */
        public List<String> secrets() {
            return List.of(name, email, phone, iban, street, city, externalId);
        }
    }

    /**
     * Payments data: a SEPA mandate on the person's account, a bank statement line paid from it with their name and
     * the invoice number in the remittance text, a promise to pay whose note names them, and a payment link.
     */
    private static void payments(TestTenant tenant, String tag, UUID debtorId, UUID invoiceId, String name,
                                 String iban, String number) {
        post(tenant, "/api/v1/mandates", "mandate-" + tag, """
                {"debtorId":"%s","reference":"MND-%s","signedOn":"2026-01-15","iban":"%s"}"""
                .formatted(debtorId, tag, iban));
        post(tenant, "/api/v1/promises-to-pay", "promise-" + tag, """
                {"debtorId":"%s","invoiceIds":["%s"],"amount":"50.00","promisedDate":"%s","channel":"PHONE",
                 "note":"Called %s: pays half next week"}""".formatted(debtorId, invoiceId,
                java.time.LocalDate.now().plusDays(7), name));
        post(tenant, "/api/v1/payment-links", "link-" + tag, """
                {"debtorId":"%s","invoiceIds":["%s"]}""".formatted(debtorId, invoiceId));
        byte[] statement = CamtFile.statement().credit("PAY-" + tag, "21.00", null, "Deel factuur " + number,
                name, iban).bytes();
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(statement) {
            @Override
            public String getFilename() {
                return "statement.xml";
            }
        });
        tenant.api().post().uri("/api/v1/bank-statements").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toBodilessEntity();
    }

    private static void post(TestTenant tenant, String path, String key, String body) {
        tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .body(body).retrieve().toBodilessEntity();
    }

    public Person person(TestTenant tenant, long seed) {
        Random random = new Random(seed);
        String tag = Long.toString(Math.abs(random.nextLong()), 36);
        // letters only (digits spelled as letters), as a credit check accepts names; still unique per seed
        String name = "Wilhelmina Oosterbroek" + tag.chars().mapToObj(c -> String.valueOf(
                Character.isDigit(c) ? (char) ('q' + c - '0') : (char) c)).collect(java.util.stream.Collectors.joining());
        String email = "w.oosterbroek." + tag + "@example.org";
        String phone = "+3161" + String.format("%07d", random.nextInt(10_000_000));
        String iban = IbanGenerator.dutch(random).value();
        String street = "Zonnebloemhof" + tag;
        String city = "Kwadendamme" + tag;
        String externalId = "CUST-" + tag;
        String body = """
                {"externalId":"%s","type":"CONSUMER","name":"%s","email":"%s","phone":"%s","iban":"%s",
                 "dateOfBirth":"1931-02-17","language":"nl","preferredChannel":"POST",
                 "address":{"street":"%s","houseNumber":"7","postcode":"4435 AB","city":"%s","country":"NL"}}"""
                .formatted(externalId, name, email, phone, iban, street, city);
        JsonNode debtor = tenant.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "debtor-" + tag).body(body).retrieve().body(JsonNode.class);
        UUID debtorId = UUID.fromString(debtor.get("id").asString());
        String number = "F-" + tag;
        JsonNode invoice = tenant.api().post().uri("/api/v1/invoices").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "invoice-" + tag).body("""
                        {"debtorId":"%s","number":"%s","issueDate":"2026-10-01","dueDate":"2026-10-31",
                         "amount":"121.00","vatAmount":"21.00",
                         "lines":[{"description":"Consult","quantity":"1","unitPrice":"100.00","amount":"100.00"}]}"""
                        .formatted(debtorId, number)).retrieve().body(JsonNode.class);
        UUID invoiceId = UUID.fromString(invoice.get("id").asString());
        payments(tenant, tag, debtorId, invoiceId, name, iban, number);
        tenantScope.inTenant(tenant.id(), () -> {
            outbox.enqueue(OutboundMessage.email(debtorId, "test", number, "mail-" + tag, "nl", email,
                    "Herinnering " + number, "<p>Beste " + name + ",</p>", "Beste " + name + ",", List.of()));
            outbox.enqueue(OutboundMessage.letter(debtorId, "test", number, "letter-" + tag, "nl",
                    new PostalAddress(name, null, street + " 7", "4435 AB", city, "NL"),
                    new OutboundMessage.Letterhead("Test BV", List.of("Kerkstraat 1"), "Test BV, Kerkstraat 1",
                            List.of("KvK 12345678"), "NL"),
                    "Aanmaning " + number, "<p>Beste " + name + ", betaal " + number + ".</p>"));
            // portal: a message the person wrote in the debtor portal, signed with their name and street
            portalMessages.fromDebtor(debtorId, "Groet, " + name + ", " + street + " 7");
        });
        score(tenant, debtorId);
        creditCheck(tenant, tag, name, email, phone, iban, street, city);
        tenantScope.inTenant(tenant.id(), () -> {
            if (flows.list().isEmpty()) {
                flows.save(DunningFixtures.defaultFlowAs("standaard"), null);
            }
        });
        runs.run(tenant.id(), LocalDate.parse("2026-10-31").plusDays(36), "TEST");
        Instant later = Instant.now().plusSeconds(60);
        dispatcher.dispatchOnce(later);
        tenantScope.inTenant(tenant.id(), () -> printBatches.close(tenant.id(), later));
        tenantScope.inTenant(tenant.id(), () -> pauses.pause(DunningPauses.Scope.INVOICE, invoiceId, List.of(),
                "PROMISE_TO_PAY", "Belt terug op " + phone, null, "MANUAL"));
        return new Person(debtorId, invoiceId, externalId, name, email, phone, iban, street, city, "1931-02-17",
                number);
    }

    /** A score about the person in the scoring module's score log (an acceptance model active in the tenant). */
    private void score(TestTenant tenant, UUID debtorId) {
        tenantScope.inTenant(tenant.id(), () -> {
            if (scoringModels.list(io.creditflow.scoring.Purpose.ACCEPTANCE).stream()
                    .noneMatch(c -> c.role() == io.creditflow.scoring.registry.Role.CHAMPION)) {
                ScoringFixtures.sharedAcceptanceChampion(scoringModels);
            }
        });
        tenant.api().post().uri("/api/v1/scores/acceptance").contentType(MediaType.APPLICATION_JSON)
                .body("{\"features\":{\"income\":1800,\"housing\":\"rent\"},\"debtorId\":\"" + debtorId + "\"}")
                .retrieve().body(JsonNode.class);
        scoreLog.flush();
    }

    /** A credit check of the person (their inputs encrypted under their own identity key) and an art. 22 request. */
    private static void creditCheck(TestTenant tenant, String tag, String name, String email, String phone,
                                    String iban, String street, String city) {
        String[] names = name.split(" ");
        JsonNode check = tenant.api().post().uri("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "check-" + tag).body("""
                        {"type":"CONSUMER","person":{"firstName":"%s","lastName":"%s","dateOfBirth":"1931-02-17"},
                         "address":{"street":"%s","houseNumber":"7","postcode":"4435 AB","city":"%s","country":"NL"},
                         "email":"%s","phone":"%s","iban":"%s","order":{"amount":"45.00","currency":"EUR"}}"""
                        .formatted(names[0], names[1], street, city, email, phone, iban))
                .retrieve().body(JsonNode.class);
        if (check == null || !check.has("checkId")) {
            throw new IllegalStateException("credit check of the fixture person failed: " + check);
        }
        String checkId = check.get("checkId").asString();
        if ("PENDING".equals(check.path("reviewStatus").asString(""))) {
            // referred: a credit officer decides, with a reason that names the person (free text about them)
            JsonNode open = tenant.api().get().uri("/api/v1/credit-reviews").retrieve().body(JsonNode.class);
            String reviewId = null;
            for (JsonNode item : open.get("items")) {
                if (item.get("checkId").asString().equals(checkId)) {
                    reviewId = item.get("reviewId").asString();
                }
            }
            tenant.api().post().uri("/api/v1/credit-reviews/{id}/decision", reviewId)
                    .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "decision-" + tag)
                    .body("{\"decision\":\"ACCEPT\",\"reason\":\"Spoke to " + name + ", order confirmed\"}")
                    .retrieve().toBodilessEntity();
        }
        var review = tenant.api().post().uri("/api/v1/credit-checks/{id}/reviews", checkId)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "review-" + tag)
                .body("{\"note\":\"Please answer by e-mail to " + email + "\"}").retrieve().toEntity(String.class);
        if (review.getStatusCode().value() != 201) {
            throw new IllegalStateException("review request failed: " + review.getBody() + " for " + check);
        }
    }
}
