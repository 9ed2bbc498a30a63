package io.creditflow.scoring;

import io.creditflow.privacy.Restrictions;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A collectability model from the tenant's own ledger, end to end: trained from history, activated by a person,
 * scoring invoices and debtors, valuing the portfolio and ordering the worklist; a restricted debtor is refused.
 */
@CreditflowTest
class CollectabilityEndToEndIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    Ledger ledger;
    @Autowired
    Restrictions restrictions;

    TestTenant tenant;
    final LocalDate start = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(300);

    @Test
    void trainsOnHistoryScoresValuesAndRefusesARestrictedDebtor() {
        tenant = tenants.create();
        history();
        ResponseEntity<JsonNode> accepted = post("/api/v1/scoring/trainings/history?purpose=collectability", """
                {"name":"own ledger","horizonDays":30,"folds":3}""");
        assertThat(accepted.getStatusCode().value()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.getHeaders().getLocation().toString();
        JsonNode done = await().atMost(Duration.ofMinutes(3)).until(
                () -> tenant.api().get().uri(location).retrieve().body(JsonNode.class),
                t -> !t.get("status").asString().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        String modelId = done.get("modelId").asString();
        JsonNode card = tenant.api().get().uri("/api/v1/scoring/models/" + modelId).retrieve().body(JsonNode.class);
        assertThat(card.get("source").asString()).isEqualTo("HISTORY");
        assertThat(card.get("horizonDays").asInt()).isEqualTo(30);
        assertThat(card.get("dataTo").asString()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(30).toString());
        assertThat(card.get("features").toString()).contains("days_past_due").contains("debtor_late_share");

        ConsoleSession console = new ConsoleSession(tenant.baseUrl());
        console.login(tenant.user(io.creditflow.tenancy.Role.CREDIT_MANAGER), TestTenants.PASSWORD);
        console.get("/console/scoring/models/" + modelId);
        assertThat(console.post("/console/scoring/models/" + modelId + "/activate", Map.of("role", "CHAMPION",
                "algorithm", "SCORECARD", "note", "first collectability model")).statusCode()).isEqualTo(302);

        JsonNode invoice = post("/api/v1/scores/collectability/invoices/" + unpaid.getFirst(), "").getBody();
        assertThat(invoice.get("probabilityOfCollection").asDouble())
                .isCloseTo(1 - invoice.get("probabilityBad").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
        JsonNode debtor = post("/api/v1/scores/collectability/debtors/" + badPayer, "").getBody();
        assertThat(debtor.get("invoices").size()).isEqualTo(unpaid.size());
        assertThat(debtor.get("worst").get("band").asString()).isIn("A", "B", "C", "D", "E");

        JsonNode valuation = tenant.api().get().uri("/api/v1/scoring/valuation").retrieve().body(JsonNode.class);
        assertThat(new BigDecimal(valuation.get("open").asString())).isEqualByComparingTo("680.00");
        JsonNode worklist = tenant.api().get().uri("/api/v1/scoring/worklist?limit=10").retrieve().body(JsonNode.class);
        List<BigDecimal> expected = new ArrayList<>();
        worklist.forEach(w -> {
            BigDecimal recovery = new BigDecimal(w.get("expectedRecovery").asString());
            expected.add(recovery);
            // open amount x probability of collection x discount over the 30-day horizon at 8 % a year
            double value = Double.parseDouble(w.get("openAmount").asString())
                    * w.get("probabilityOfCollection").asDouble() * Math.pow(1.08, -30 / 365.0);
            assertThat(recovery.doubleValue()).isCloseTo(value, org.assertj.core.api.Assertions.within(0.006));
        });
        assertThat(expected).hasSize(unpaid.size() + 1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(worklist.get(0).get("invoiceNumber").asString()).as("the good payer's open invoice first")
                .isEqualTo("G-open");
        assertThat(new BigDecimal(valuation.get("expectedRecovery").asString()))
                .isEqualByComparingTo(expected.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        String page = console.get("/console/valuation").body();
        assertThat(page).contains("U-1");
        assertThat(page.split("data-chart=").length - 1).as("charts by age and by segment").isEqualTo(2);

        tenants.inTenant(tenant, () -> {
            restrictions.restrict(badPayer, "objection");
            return null;
        });
        ResponseEntity<JsonNode> refused = post("/api/v1/scores/collectability/invoices/" + unpaid.getFirst(), "");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("type").asString()).endsWith("/debtor-restricted");
        JsonNode after = tenant.api().get().uri("/api/v1/scoring/valuation").retrieve().body(JsonNode.class);
        assertThat(new BigDecimal(after.get("open").asString())).as("restricted debtors are not valued")
                .isEqualByComparingTo("80.00");
    }

    UUID badPayer;
    final List<UUID> unpaid = new ArrayList<>();

    /** A good payer (paid within days), a late payer (50 days after due) and a debtor who never paid. */
    private void history() {
        debtor("GOOD");
        debtor("LATE");
        badPayer = UUID.fromString(debtor("BAD").get("id").asString());
        for (int i = 0; i < 6; i++) {
            LocalDate issued = start.plusDays(20L * i);
            pay(invoice("GOOD", "G-" + i, issued, "80.00"), "80.00", issued.plusDays(5));
            if (i < 4) {
                pay(invoice("LATE", "L-" + i, issued, "120.00"), "120.00", issued.plusDays(30 + 50));
            }
            unpaid.add(invoice("BAD", "U-" + i, issued, "100.00"));
        }
        invoice("GOOD", "G-open", LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(10), "80.00");
    }

    private JsonNode debtor(String key) {
        return post("/api/v1/debtors", "{\"externalId\":\"" + key + "\",\"type\":\"CONSUMER\",\"name\":\"Debtor "
                + key + "\"}").getBody();
    }

    private UUID invoice(String debtor, String number, LocalDate issued, String amount) {
        ResponseEntity<JsonNode> created = post("/api/v1/invoices", """
                {"debtorExternalId":"%s","number":"%s","issueDate":"%s","dueDate":"%s","currency":"EUR","amount":"%s"}"""
                .formatted(debtor, number, issued, issued.plusDays(30), amount));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return UUID.fromString(created.getBody().get("id").asString());
    }

    private void pay(UUID invoice, String amount, LocalDate date) {
        tenants.inTenant(tenant, () -> ledger.post(invoice, LedgerEntryKind.PAYMENT, new BigDecimal(amount).negate(),
                BigDecimal.ZERO, BigDecimal.ZERO, date, "bank", null));
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        var request = tenant.api().post().uri(path);
        if (!json.isEmpty()) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
