package io.creditflow.scoring;

import io.creditflow.privacy.Restrictions;
import io.creditflow.scoring.engine.Scorecard;
import io.creditflow.scoring.monitoring.ScoreLog;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The score API's contract: fields, determinism, errors as problems, restriction, scopes and tenant isolation. */
@CreditflowTest
class ScoreApiIntegrationTest {

    private static final String RISKY = """
            {"features":{"income":900,"housing":"free","noise":3}}""";

    @Autowired
    TestTenants tenants;
    @Autowired
    ScoringModels models;
    @Autowired
    Restrictions restrictions;
    @Autowired
    ScoreLog scoreLog;
    @Autowired
    Environment environment;

    TestTenant tenant;
    ModelCard champion;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        champion = tenants.inTenant(tenant, () -> ScoringFixtures.champion(models, Purpose.ACCEPTANCE,
                ScoringFixtures.loans(7, 1500)));
    }

    @Test
    void scoresACaseWithBandProbabilityAndReasonCodesAsTheScorecardDoes() {
        ResponseEntity<JsonNode> response = post(tenant.api(), "/api/v1/scores/acceptance", RISKY);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode body = response.getBody();
        assertThat(body.get("purpose").asString()).isEqualTo("acceptance");
        assertThat(body.get("modelId").asString()).isEqualTo(champion.id().toString());
        assertThat(body.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(body.get("algorithm").asString()).isEqualTo("SCORECARD");
        assertThat(body.get("band").asString()).isIn("A", "B", "C", "D", "E");
        assertThat(body.get("probabilityBad").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.has("probabilityOfCollection")).isFalse();
        assertThat(body.get("reasons").size()).isBetween(1, Scorecard.REASONS);
        assertThat(body.get("reasons").get(0).get("characteristic").asString()).isIn("income", "housing");
        assertThat(body.get("reasons").get(0).get("pointsBelowBest").asDouble()).isPositive();

        // the served score is the registered scorecard's own score of the same case
        Scorecard card = tenants.inTenant(tenant, () -> models.modelFile(champion.id()).scorecard());
        double expected = card.score(Map.of("income", 900.0, "housing", "free", "noise", 3.0));
        assertThat(body.get("score").asDouble()).isCloseTo(expected, within(0.05));
    }

    @Test
    void theSameCaseGetsTheSameAnswerAndARicherApplicantScoresHigher() {
        JsonNode first = post(tenant.api(), "/api/v1/scores/acceptance", RISKY).getBody();
        JsonNode second = post(tenant.api(), "/api/v1/scores/acceptance", RISKY).getBody();
        assertThat(second).isEqualTo(first);
        JsonNode rich = post(tenant.api(), "/api/v1/scores/acceptance", """
                {"features":{"income":3800,"housing":"own","noise":3}}""").getBody();
        assertThat(rich.get("score").asDouble()).isGreaterThan(first.get("score").asDouble() + 20);
        assertThat(rich.get("band").asString()).isLessThan(first.get("band").asString());
    }

    @Test
    void aPurposeWithoutAnActiveModelIsABusinessRuleProblem() {
        ResponseEntity<JsonNode> response = post(tenant.api(), "/api/v1/scores/collectability", RISKY);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("type").asString()).endsWith("/no-active-model");
        assertThat(post(tenant.api(), "/api/v1/scores/solvency", RISKY).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void featuresMustBePlainValuesAndAreNamedWhenNot() {
        ResponseEntity<JsonNode> response = post(tenant.api(), "/api/v1/scores/acceptance", """
                {"features":{"income":{"amount":900},"housing":["own"]}}""");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").toString()).contains("features.income").contains("features.housing");
        ResponseEntity<JsonNode> none = post(tenant.api(), "/api/v1/scores/acceptance", "{}");
        assertThat(none.getStatusCode().value()).isEqualTo(400);
        assertThat(none.getBody().get("errors").toString()).contains("\"field\":\"features\"");
    }

    @Test
    void aRestrictedDebtorIsNeverScored() {
        UUID debtor = UUID.fromString(post(tenant.api(), "/api/v1/debtors", """
                {"externalId":"R-1","type":"CONSUMER","name":"Rita Restricted"}""").getBody().get("id").asString());
        String body = "{\"debtorId\":\"" + debtor + "\",\"features\":{\"income\":900,\"housing\":\"free\"}}";
        assertThat(post(tenant.api(), "/api/v1/scores/acceptance", body).getStatusCode().value()).isEqualTo(200);
        tenants.inTenant(tenant, () -> {
            restrictions.restrict(debtor, "art. 18 request");
            return null;
        });

        ResponseEntity<JsonNode> refused = post(tenant.api(), "/api/v1/scores/acceptance", body);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("type").asString()).endsWith("/debtor-restricted");
        scoreLog.flush();
        long logged = Superuser.jdbc(environment).sql("select count(*) from scoring_score_log where tenant_id = :t "
                + "and debtor_id = :d").param("t", tenant.id()).param("d", debtor).query(Long.class).single();
        assertThat(logged).as("only the score before the restriction").isEqualTo(1);
    }

    @Test
    void scoringNeedsTheScoringReadScopeAndSeesOnlyItsOwnTenantsModels() {
        RestClient receivablesOnly = tenants.apiWithScopes(tenant, Set.of("receivables:read"));
        assertThat(post(receivablesOnly, "/api/v1/scores/acceptance", RISKY).getStatusCode().value()).isEqualTo(403);
        TestTenant other = tenants.create();
        ResponseEntity<JsonNode> elsewhere = post(other.api(), "/api/v1/scores/acceptance", RISKY);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(422);
        assertThat(other.api().get().uri("/api/v1/scoring/models/" + champion.id()).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    static ResponseEntity<JsonNode> post(RestClient api, String path, String json) {
        return api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(JsonNode.class);
    }
}
