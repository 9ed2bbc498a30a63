package io.creditflow.acceptance;

import io.creditflow.privacy.Restrictions;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static io.creditflow.acceptance.CreditCheckApiIntegrationTest.consumer;
import static org.assertj.core.api.Assertions.assertThat;

/** Businesses and registers, the debtor's history, invoices ending open orders, restriction, champion/challenger. */
@CreditflowTest
class CreditCheckScenariosIntegrationTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    Restrictions restrictions;

    @Autowired
    Policies policies;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
    }

    static String business(String name, String kvk, String amount, String extra) {
        return """
                {"type":"BUSINESS","company":{"name":"%s","chamberOfCommerce":"%s"},
                 "address":{"street":"Grote Markt","houseNumber":"7","postcode":"9711 GH","city":"Groningen"},
                 "email":"inkoop@%s.example","order":{"amount":"%s","currency":"EUR","channel":"b2b-portal"%s}}"""
                .formatted(name, kvk, kvk, amount, extra);
    }

    @Test
    void businessesAreCheckedAgainstTheCompanyAndInsolvencyRegisters() {
        JsonNode active = post("/api/v1/credit-checks", business("Groothandel Noord B.V.", "45678901", "1500.00", ""));
        assertThat(active.get("decision").asString()).isEqualTo("ACCEPT");
        assertThat(active.get("limit").asString()).isEqualTo("2500.00");
        JsonNode dissolved = post("/api/v1/credit-checks", business("Bouwbedrijf Van Dam B.V.", "34567890", "100.00", ""));
        assertThat(dissolved.get("decision").asString()).isEqualTo("REJECT");
        assertThat(dissolved.get("reasons").toString()).contains("KO_COMPANY_INACTIVE");
        JsonNode bankrupt = post("/api/v1/credit-checks", business("Failliet Handel B.V.", "89012345", "100.00", ""));
        assertThat(bankrupt.get("reasons").toString()).contains("KO_INSOLVENT");
        JsonNode unknown = post("/api/v1/credit-checks", business("Onbekend B.V.", "11112222", "100.00", ""));
        assertThat(unknown.get("decision").asString()).isEqualTo("REFER");
        assertThat(unknown.get("reasons").toString()).contains("KO_COMPANY_UNKNOWN");
    }

    @Test
    void theDebtorsHistoryCountsAndAnInvoiceForAnOpenOrderReplacesItsReservation() {
        java.time.LocalDate today = java.time.LocalDate.now();
        postEntity("/api/v1/debtors", """
                {"externalId":"K-1","type":"CONSUMER","name":"Sanne Willems","dateOfBirth":"1982-09-09",
                 "email":"sanne@example.nl","address":{"houseNumber":"4","postcode":"3511 CD","country":"NL"}}""");
        postEntity("/api/v1/invoices", """
                {"debtorExternalId":"K-1","number":"OLD-1","issueDate":"%s","dueDate":"%s",
                 "currency":"EUR","amount":"90.00"}""".formatted(today.minusDays(3), today.plusDays(11)));
        JsonNode check = post("/api/v1/credit-checks", """
                {"type":"CONSUMER","person":{"firstName":"Sanne","lastName":"Willems","dateOfBirth":"1982-09-09"},
                 "address":{"houseNumber":"4","postcode":"3511 CD"},"email":"sanne@example.nl","phone":"0612345678",
                 "order":{"amount":"100.00","currency":"EUR","reference":"WEB-7"}}""");
        // matched to debtor K-1 by date of birth and last name: its open invoice counts against the limit
        assertThat(check.get("decision").asString()).isEqualTo("ACCEPT");
        assertThat(check.get("availableLimit").asString()).isEqualTo("410.00");
        String identity = get("/api/v1/credit-checks/" + check.get("checkId").asString()).get("identityId").asString();
        JsonNode line = get("/api/v1/credit-limits/" + identity);
        assertThat(line.get("outstanding").asString()).isEqualTo("90.00");
        assertThat(line.get("openOrders").asString()).isEqualTo("100.00");
        assertThat(line.get("debtors").asInt()).isEqualTo(1);

        postEntity("/api/v1/invoices", """
                {"debtorExternalId":"K-1","number":"WEB-7","issueDate":"%s","dueDate":"%s",
                 "currency":"EUR","amount":"100.00"}""".formatted(today, today.plusDays(14)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/api/v1/credit-checks/" + check.get("checkId").asString())
                        .get("reservationStatus").asString()).isEqualTo("INVOICED"));
        JsonNode after = get("/api/v1/credit-limits/" + identity);
        assertThat(after.get("openOrders").asString()).isEqualTo("0.00");
        assertThat(after.get("outstanding").asString()).isEqualTo("190.00");
    }

    @Test
    void aRestrictedDebtorsDataIsNotUsedAndAPersonDecides() {
        String debtor = postEntity("/api/v1/debtors", """
                {"externalId":"R-1","type":"CONSUMER","name":"Mark Bos","dateOfBirth":"1977-03-03",
                 "address":{"houseNumber":"1","postcode":"1011 AB","country":"NL"}}""").get("id").asString();
        tenants.inTenant(tenant, () -> {
            restrictions.restrict(UUID.fromString(debtor), "customer contests the data");
            return null;
        });
        JsonNode check = post("/api/v1/credit-checks", """
                {"type":"CONSUMER","person":{"firstName":"Mark","lastName":"Bos","dateOfBirth":"1977-03-03"},
                 "address":{"houseNumber":"1","postcode":"1011 AB"},"order":{"amount":"50.00","currency":"EUR"}}""");
        assertThat(check.get("decision").asString()).isEqualTo("REFER");
        assertThat(check.get("reasons").toString()).contains("PROCESSING_RESTRICTED");
        JsonNode logged = get("/api/v1/credit-checks/" + check.get("checkId").asString());
        assertThat(logged.get("signals").has("history.known")).isFalse();
    }

    @Test
    void erasureShredsThePersonalDataOfEveryCheckAboutAPersonButKeepsTheDecisions() {
        String body = consumer("Gewist", "1966-06-06", "30.00", "");
        JsonNode first = post("/api/v1/credit-checks", body);
        String id = first.get("checkId").asString();
        String identity = get("/api/v1/credit-checks/" + id).get("identityId").asString();
        assertThat(get("/api/v1/credit-checks/" + id).get("inputs").get("lastName").asString()).isEqualTo("Gewist");

        var erased = tenant.api().post().uri("/api/v1/credit-checks/identities/" + identity + "/erase")
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"art. 17 request\"}").retrieve()
                .toBodilessEntity();
        assertThat(erased.getStatusCode().value()).isEqualTo(204);
        JsonNode after = get("/api/v1/credit-checks/" + id);
        assertThat(after.get("inputs").isNull()).isTrue();
        assertThat(after.get("result").get("decision").asString()).isEqualTo(first.get("decision").asString());
        assertThat(get("/api/v1/credit-checks?email=anna.gewist@example.com").get("items")).isEmpty();

        JsonNode again = post("/api/v1/credit-checks", body);
        assertThat(get("/api/v1/credit-checks/" + again.get("checkId").asString()).get("identityId").asString())
                .isNotEqualTo(identity);
    }

    @Test
    void aChallengerDecidesItsShareOfIdentitiesAndEachCheckNamesItsVariant() {
        int challenger = tenants.inTenant(tenant, () -> policies.saveDraft(policies.defaultJson()
                .replace("\"accept\": 560", "\"accept\": 900"), "challenger").version());
        tenants.inTenant(tenant, () -> TestPolicies.activate(policies, doc -> doc.putObject("challenger")
                .put("version", challenger).put("sharePercent", 50)));
        int champions = 0;
        int challengers = 0;
        for (int i = 0; i < 24; i++) {
            JsonNode r = post("/api/v1/credit-checks", consumer("Variant" + (char) ('a' + i), "1970-01-01", "20.00", "")
                    .replace("\"iban\":\"NL91ABNA0417164300\",", "").replace("\"phone\":\"06-12345678\",", ""));
            if (r.get("variant").asString().equals("CHALLENGER")) {
                challengers++;
                assertThat(r.get("policyVersion").asInt()).isEqualTo(challenger);
                assertThat(r.get("decision").asString()).isNotEqualTo("ACCEPT");
            } else {
                champions++;
            }
        }
        assertThat(champions).isPositive();
        assertThat(challengers).isPositive();
    }

    private JsonNode post(String path, String body) {
        return postEntity(path, body);
    }

    private JsonNode postEntity(String path, String body) {
        ResponseEntity<JsonNode> r = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(path + ": " + r.getBody()).isTrue();
        return r.getBody();
    }

    private JsonNode get(String path) {
        return tenant.api().get().uri(path).retrieve().body(JsonNode.class);
    }
}
