package io.creditflow.scoring;

import io.creditflow.acceptance.InvoicedChecks;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.history.AcceptanceOutcomes;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance training data from the tenant's history: credit checks (through the API) whose orders became invoices,
 * each labelled by whether its invoice was paid within the horizon after its due date. Checks whose order was never
 * invoiced, or whose invoice's horizon has not passed, have no outcome and are left out; the features are the signals
 * the decision saw, not what is known now. Then an acceptance model trains on that history through the API.
 */
@CreditflowTest
class AcceptanceOutcomesIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired AcceptanceOutcomes outcomes;
    @Autowired InvoicedChecks invoicedChecks;
    @Autowired Ledger ledger;
    @Autowired Clock clock;

    TestTenant tenant;

    @Test
    void checksAreLabelledByTheirInvoicesPaymentAndTrainAnAcceptanceModel() {
        tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        LocalDate due = today.minusDays(100);
        Map<UUID, Boolean> expected = new HashMap<>();
        Map<UUID, String> amounts = new HashMap<>();
        String[] outcome = {"paid", "paid", "late", "unpaid", "paid", "unpaid", "paid", "late", "paid", "unpaid"};
        for (int i = 0; i < outcome.length; i++) {
            String amount = (40 + 40 * i) + ".00";
            UUID check = check("Klant" + (char) ('a' + i), "ORD-" + i, amount);
            amounts.put(check, amount);
            UUID invoice = invoice("ORD-" + i, due, amount);
            switch (outcome[i]) {
                case "paid" -> pay(invoice, amount, due.plusDays(5));
                case "late" -> pay(invoice, amount, due.plusDays(80));
                default -> { }
            }
            expected.put(check, !outcome[i].equals("paid"));
        }
        UUID recent = check("Recent", "ORD-recent", "100.00");
        invoice("ORD-recent", today.minusDays(10), "100.00");
        UUID neverInvoiced = check("Nooit", "ORD-never", "100.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> tenants.inTenant(tenant, () -> invoicedChecks.between(
                today.minusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime(),
                today.plusDays(2).atStartOfDay(clock.getZone()).toOffsetDateTime())).size() == outcome.length + 1);

        AcceptanceOutcomes.TrainingSet set = tenants.inTenant(tenant, () -> outcomes.trainingSet(today.minusDays(1),
                today, 60));
        assertThat(set.checkIds()).as("known outcomes only").hasSize(outcome.length)
                .doesNotContain(recent, neverInvoiced);
        Column.Numeric amount = (Column.Numeric) set.data().column("order.amount").orElseThrow();
        for (int r = 0; r < set.checkIds().size(); r++) {
            UUID check = set.checkIds().get(r);
            assertThat(set.data().bad()[r]).as("outcome of " + check).isEqualTo(expected.get(check));
            assertThat(amount.values()[r]).isEqualTo(Double.parseDouble(amounts.get(check)));
        }
        assertThat(set.data().column("applicant.age")).isPresent();

        ResponseEntity<JsonNode> accepted = tenant.api().post().uri(
                        "/api/v1/scoring/trainings/history?purpose=acceptance").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"own checks\",\"horizonDays\":60,\"folds\":2,\"from\":\"" + today.minusDays(1)
                        + "\"}").retrieve().toEntity(JsonNode.class);
        assertThat(accepted.getStatusCode().value()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.getHeaders().getLocation().toString();
        JsonNode done = await().atMost(Duration.ofMinutes(2)).until(
                () -> tenant.api().get().uri(location).retrieve().body(JsonNode.class),
                t -> !t.get("status").asString().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        JsonNode card = tenant.api().get().uri("/api/v1/scoring/models/" + done.get("modelId").asString())
                .retrieve().body(JsonNode.class);
        assertThat(card.get("purpose").asString()).isEqualTo("ACCEPTANCE");
        assertThat(card.get("source").asString()).isEqualTo("HISTORY");
        assertThat(card.get("cases").asInt()).isEqualTo(outcome.length);
        assertThat(card.get("bads").asInt()).isEqualTo(5);
        assertThat(card.get("features").toString()).contains("order.amount");
    }

    private UUID check(String lastName, String reference, String amount) {
        ResponseEntity<JsonNode> response = tenant.api().post().uri("/api/v1/credit-checks")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"type":"CONSUMER","person":{"firstName":"Anna","lastName":"%s","dateOfBirth":"1980-05-05"},
                         "address":{"street":"Kerkstraat","houseNumber":"12","postcode":"1011ab","city":"Amsterdam","country":"NL"},
                         "email":"anna.%s@example.com",
                         "order":{"amount":"%s","currency":"EUR","channel":"web","reference":"%s"}}"""
                        .formatted(lastName, lastName.toLowerCase(), amount, reference)).retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.getBody().get("checkId").asString());
    }

    private UUID invoice(String number, LocalDate dueDate, String amount) {
        String debtor = "D-" + number;
        tenant.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON)
                .body("{\"externalId\":\"" + debtor + "\",\"type\":\"CONSUMER\",\"name\":\"Debtor " + number + "\"}")
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> created = tenant.api().post().uri("/api/v1/invoices")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"debtorExternalId":"%s","number":"%s","issueDate":"%s","dueDate":"%s","currency":"EUR","amount":"%s"}"""
                        .formatted(debtor, number, dueDate.minusDays(14), dueDate, amount)).retrieve()
                .toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.getBody().get("id").asString());
    }

    private void pay(UUID invoice, String amount, LocalDate date) {
        tenants.inTenant(tenant, () -> ledger.post(invoice, LedgerEntryKind.PAYMENT, new BigDecimal(amount).negate(),
                BigDecimal.ZERO, BigDecimal.ZERO, date, "bank", null));
    }
}
