package io.creditflow.support;

import io.creditflow.collection.CollectionCases;
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
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A person with data in every module that holds personal data, made through the real entry points (the API with an
 * Idempotency-Key, the outbox, the print batch): what a data-subject right must find, export and erase. Every value is
 * unique per call, so a search of a dump or a file for it cannot hit anything else.
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

    PrivacyFixtures(Outbox outbox, OutboxDispatcher dispatcher, PrintBatches printBatches, TenantScope tenantScope,
                    CollectionCases collectionCases, io.creditflow.portal.PortalMessages portalMessages,
                    ScoringModels scoringModels, ScoreLog scoreLog) {
        this.scoringModels = scoringModels;
        this.scoreLog = scoreLog;
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
        String name = "Wilhelmina Oosterbroek" + tag;
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
        Instant later = Instant.now().plusSeconds(60);
        dispatcher.dispatchOnce(later);
        tenantScope.inTenant(tenant.id(), () -> printBatches.close(tenant.id(), later));
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
}
