package io.creditflow.support;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningPauses;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.PostalAddress;
import io.creditflow.messaging.letters.PrintBatches;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.platform.TenantScope;
import io.creditflow.shared.IbanGenerator;
import io.creditflow.support.TestTenants.TestTenant;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
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
    private final Flows flows;
    private final DunningRuns runs;
    private final DunningPauses pauses;

    PrivacyFixtures(Outbox outbox, OutboxDispatcher dispatcher, PrintBatches printBatches, TenantScope tenantScope,
                    Flows flows, DunningRuns runs, DunningPauses pauses) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.printBatches = printBatches;
        this.tenantScope = tenantScope;
        this.flows = flows;
        this.runs = runs;
        this.pauses = pauses;
    }

    public record Person(UUID debtorId, UUID invoiceId, String externalId, String name, String email, String phone,
                         String iban, String street, String city, String dateOfBirth, String invoiceNumber) {
        /** The values that identify the person: none may survive an erasure in clear. */
        public List<String> secrets() {
            return List.of(name, email, phone, iban, street, city, externalId);
        }
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
        tenantScope.inTenant(tenant.id(), () -> {
            outbox.enqueue(OutboundMessage.email(debtorId, "test", number, "mail-" + tag, "nl", email,
                    "Herinnering " + number, "<p>Beste " + name + ",</p>", "Beste " + name + ",", List.of()));
            outbox.enqueue(OutboundMessage.letter(debtorId, "test", number, "letter-" + tag, "nl",
                    new PostalAddress(name, null, street + " 7", "4435 AB", city, "NL"),
                    new OutboundMessage.Letterhead("Test BV", List.of("Kerkstraat 1"), "Test BV, Kerkstraat 1",
                            List.of("KvK 12345678"), "NL"),
                    "Aanmaning " + number, "<p>Beste " + name + ", betaal " + number + ".</p>"));
        });
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
