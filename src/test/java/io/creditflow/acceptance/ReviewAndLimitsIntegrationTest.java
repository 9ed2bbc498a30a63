package io.creditflow.acceptance;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;

import static io.creditflow.acceptance.CreditCheckApiIntegrationTest.consumer;
import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
class ReviewAndLimitsIntegrationTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    LimitMonitor monitor;

    @Autowired
    JsonMapper json;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
    }

    @Test
    void aReferralWaitsInTheQueueAndAReviewerDecidesWithAReasonThatIsRequired() {
        // a disposable e-mail domain is a referral in the default policy
        JsonNode check = post("/api/v1/credit-checks", consumer("Dekker", "1980-03-03", "150.00", "")
                .replace("anna.dekker@example.com", "anna@mailinator.com")).getBody();
        assertThat(check.get("decision").asString()).isEqualTo("REFER");
        assertThat(check.get("reviewStatus").asString()).isEqualTo("PENDING");
        assertThat(check.get("reasons").toString()).contains("KO_DISPOSABLE_EMAIL");

        JsonNode queue = tenant.api().get().uri("/api/v1/credit-reviews").retrieve().body(JsonNode.class);
        assertThat(queue.get("items")).hasSize(1);
        String reviewId = queue.get("items").get(0).get("reviewId").asString();

        var viewerApi = tenants.apiWithScopes(tenant, Set.of("checks:read", "checks:perform"));
        var refused = viewerApi.post().uri("/api/v1/credit-reviews/" + reviewId + "/decision")
                .contentType(MediaType.APPLICATION_JSON).body("{\"decision\":\"ACCEPT\",\"reason\":\"ok\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);

        var noReason = post("/api/v1/credit-reviews/" + reviewId + "/decision", "{\"decision\":\"ACCEPT\"}");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().toString()).contains("reason");

        var decided = post("/api/v1/credit-reviews/" + reviewId + "/decision",
                "{\"decision\":\"ACCEPT\",\"reason\":\"Customer confirmed by phone\",\"approvedAmount\":\"100.00\"}");
        assertThat(decided.getStatusCode().value()).isEqualTo(204);
        JsonNode logged = get("/api/v1/credit-checks/" + check.get("checkId").asString());
        assertThat(logged.get("result").get("decision").asString()).isEqualTo("REFER");
        assertThat(logged.get("result").get("finalDecision").asString()).isEqualTo("ACCEPT");
        assertThat(logged.get("reservationStatus").asString()).isEqualTo("OPEN");
        assertThat(logged.get("reviews").get(0).get("reason").asString()).isEqualTo("Customer confirmed by phone");
        assertThat(get("/api/v1/credit-reviews").get("items")).isEmpty();
    }

    @Test
    void anAutomatedRejectionCanBeExplainedAndReviewedOnRequest() {
        String born = java.time.LocalDate.now().minusYears(17).toString();
        String checkId = post("/api/v1/credit-checks", consumer("Kok", born, "40.00", "")).getBody()
                .get("checkId").asString();
        JsonNode explanation = get("/api/v1/credit-checks/" + checkId + "/explanation?language=en");
        assertThat(explanation.get("decision").asString()).isEqualTo("REJECT");
        assertThat(explanation.get("acceptFrom").asInt()).isEqualTo(560);
        assertThat(explanation.get("factors").toString()).contains("SC_AGE").contains("Age of the applicant");
        assertThat(explanation.get("rulesFired").toString()).contains("KO_UNDERAGE");
        assertThat(explanation.get("dataUsed").get("applicant.age").asInt()).isEqualTo(17);

        var request = post("/api/v1/credit-checks/" + checkId + "/reviews", "{\"note\":\"Customer objects\"}");
        assertThat(request.getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/v1/credit-checks/" + checkId + "/reviews", "{}").getStatusCode().value()).isEqualTo(409);
        String reviewId = request.getBody().get("reviewId").asString();
        post("/api/v1/credit-reviews/" + reviewId + "/decision",
                "{\"decision\":\"REJECT\",\"reason\":\"Under 18: no credit by law\"}");
        JsonNode logged = get("/api/v1/credit-checks/" + checkId);
        assertThat(logged.get("result").get("finalDecision").asString()).isEqualTo("REJECT");
        assertThat(logged.get("reviews").get(0).get("kind").asString()).isEqualTo("ART22_REQUEST");
    }

    @Test
    void aLimitSetByHandWinsAndMonitoringRaisesOneAlertWhenExposureExceedsIt() {
        JsonNode first = post("/api/v1/credit-checks", consumer("Hendriks", "1975-07-07", "300.00", "")).getBody();
        assertThat(first.get("decision").asString()).isEqualTo("ACCEPT");
        String identity = get("/api/v1/credit-checks/" + first.get("checkId").asString()).get("identityId").asString();

        var lowered = tenant.api().put().uri("/api/v1/credit-limits/" + identity).contentType(MediaType.APPLICATION_JSON)
                .body("{\"amount\":\"200.00\",\"reason\":\"Agreed with sales\"}").retrieve().toEntity(JsonNode.class);
        assertThat(lowered.getBody().get("source").asString()).isEqualTo("MANUAL");
        assertThat(lowered.getBody().get("overLimit").asBoolean()).isTrue();

        JsonNode second = post("/api/v1/credit-checks", consumer("Hendriks", "1975-07-07", "20.00", "")).getBody();
        assertThat(second.get("decision").asString()).isEqualTo("REJECT");
        assertThat(second.get("limit").asString()).isEqualTo("200.00");
        assertThat(second.get("reasons").toString()).contains("LIMIT_EXCEEDED");

        assertThat(monitor.run(tenant.id())).isGreaterThanOrEqualTo(1);
        assertThat(monitor.run(tenant.id())).isZero();
        JsonNode alerts = get("/api/v1/credit-alerts");
        assertThat(alerts.toString()).contains("EXPOSURE_OVER_LIMIT").contains(identity);
        JsonNode overLimit = get("/api/v1/credit-limits?overLimit=true");
        assertThat(overLimit.get("items")).hasSize(1);
        assertThat(overLimit.get("items").get(0).get("exposure").asString()).isEqualTo("300.00");
    }

    @Test
    void aDraftPolicyIsSimulatedOnThePastChecksBeforeItIsActivated() {
        for (int i = 0; i < 3; i++) {
            post("/api/v1/credit-checks", consumer("Simulant" + (char) ('a' + i), "1980-01-0" + (i + 1), "100.00", ""));
        }
        ObjectNode draft = (ObjectNode) json.readTree(get("/api/v1/credit-policies").get("items").get(0)
                .get("document").toString());
        ((ObjectNode) draft.get("cutoffs")).put("accept", 900).put("refer", 800);
        JsonNode result = post("/api/v1/credit-policies/simulations",
                "{\"checks\":10,\"document\":" + draft + "}").getBody();
        assertThat(result.get("checks").asInt()).isEqualTo(3);
        // the third shares IBAN, phone and address with two others: referred as a fraud pattern, not accepted
        assertThat(result.get("before").get("ACCEPT").asInt()).isEqualTo(2);
        assertThat(result.get("before").get("REFER").asInt()).isEqualTo(1);
        assertThat(result.get("after").get("REJECT").asInt()).isEqualTo(3);
        assertThat(result.get("matrix").get("ACCEPT").get("REJECT").asInt()).isEqualTo(2);
        assertThat(result.get("matrix").get("REFER").get("REJECT").asInt()).isEqualTo(1);
        assertThat(result.get("changed").asInt()).isEqualTo(3);
        assertThat(result.get("changes").toString()).contains("SCORE_BELOW_REFER");

        var bad = post("/api/v1/credit-policies", "{\"document\":{\"name\":\"x\"}}");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        JsonNode saved = post("/api/v1/credit-policies", "{\"note\":\"stricter\",\"document\":" + draft + "}").getBody();
        assertThat(saved.get("status").asString()).isEqualTo("DRAFT");
        post("/api/v1/credit-policies/" + saved.get("version").asInt() + "/activate", "");
        JsonNode after = post("/api/v1/credit-checks", consumer("Nieuwbeleid", "1981-02-02", "100.00", "")).getBody();
        assertThat(after.get("decision").asString()).isEqualTo("REJECT");
        assertThat(after.get("policyVersion").asInt()).isEqualTo(saved.get("version").asInt());
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        return tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode get(String path) {
        return tenant.api().get().uri(path).retrieve().body(JsonNode.class);
    }
}
