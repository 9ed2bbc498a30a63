package io.creditflow.scoring;

import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.monitoring.ScoreLog;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.creditflow.jooq.Tables.SCORING_SCORE_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credit policy that selects the fitted scorecard ({@code "scorer": "scoring-scorecard"}) decides POST
 * /api/v1/credit-checks on the points of the tenant's active acceptance model: the check's score is the model's score
 * of the signals, the factors are the card's characteristics (so the reason codes name them), and the check records
 * the model's registry version.
 */
@CreditflowTest
class AcceptanceScorerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestTenants tenants;
    @Autowired ScoringModels models;
    @Autowired ScoreLog scoreLog;
    @Autowired DSLContext dsl;

    TestTenant tenant;

    @Test
    void aPolicyWithTheFittedScorecardDecidesOnTheModelsPointsWithItsReasonCodes() throws Exception {
        tenant = tenants.create();
        ModelCard champion = tenants.inTenant(tenant, () -> ScoringFixtures.champion(models, Purpose.ACCEPTANCE,
                applications(11, 3000)));
        double young = modelScore(22, 450);
        double settled = modelScore(70, 30);
        assertThat(settled).as("the model separates the two applicants").isGreaterThan(young + 20);
        int accept = (int) Math.round((young + settled) / 2);
        activatePolicy(accept, accept - 200);

        JsonNode good = check("Jansen", "1955-03-01", "30.00");
        JsonNode risky = check("Bakker", java.time.LocalDate.now().minusYears(22).minusDays(40).toString(), "450.00");

        assertThat(good.get("decision").asString()).isEqualTo("ACCEPT");
        assertThat(good.get("score").asInt()).isEqualTo((int) Math.round(modelScore(age(good), 30)));
        assertThat(risky.get("decision").asString()).as(risky.toString()).isEqualTo("REFER");
        assertThat(risky.get("score").asInt()).isEqualTo((int) Math.round(young));
        List<String> codes = new ArrayList<>();
        risky.get("reasons").forEach(r -> codes.add(r.get("code").asString()));
        assertThat(codes).contains("SCORE_BELOW_ACCEPT", "SC_ORDER_AMOUNT", "SC_APPLICANT_AGE");
        // each characteristic's reason reads as a text, not as its code
        risky.get("reasons").forEach(r -> {
            if (r.get("code").asString().equals("SC_ORDER_AMOUNT")) {
                assertThat(r.get("text").asString()).isIn("Amount of the order.", "Bedrag van de bestelling.");
            }
        });

        JsonNode logged = tenant.api().get().uri("/api/v1/credit-checks/" + risky.get("checkId").asString())
                .retrieve().body(JsonNode.class);
        assertThat(logged.get("scorer").asString()).isEqualTo("scoring-scorecard:v" + champion.version() + "-"
                + champion.id());
        List<String> factors = new ArrayList<>();
        logged.get("factors").forEach(f -> factors.add(f.get("reasonCode").asString()));
        assertThat(factors).containsExactlyInAnyOrder("SC_ORDER_AMOUNT", "SC_APPLICANT_AGE");
        int sum = 0;
        for (JsonNode f : logged.get("factors")) {
            assertThat(f.get("points").asInt()).isLessThanOrEqualTo(f.get("maxPoints").asInt());
            sum += f.get("points").asInt();
        }
        assertThat(sum).as("the factors add up to the score (each rounded)").isCloseTo(risky.get("score").asInt(),
                org.assertj.core.api.Assertions.within(1));
    }

    /** The model's score of an applicant by the score API (the same served model). */
    private double modelScore(int age, int amount) {
        JsonNode score = tenant.api().post().uri("/api/v1/scores/acceptance").contentType(MediaType.APPLICATION_JSON)
                .body("{\"features\":{\"applicant.age\":" + age + ",\"order.amount\":" + amount + "}}").retrieve()
                .body(JsonNode.class);
        return score.get("score").asDouble();
    }

    private int age(JsonNode check) {
        return tenant.api().get().uri("/api/v1/credit-checks/" + check.get("checkId").asString()).retrieve()
                .body(JsonNode.class).get("signals").get("applicant.age").asInt();
    }

    @Test
    void thePolicySimulationReplaysChecksWithoutCountingThemInTheScoreLog() throws Exception {
        tenant = tenants.create();
        tenants.inTenant(tenant, () -> ScoringFixtures.champion(models, Purpose.ACCEPTANCE, applications(12, 3000)));
        int accept = (int) Math.round((modelScore(22, 450) + modelScore(70, 30)) / 2);
        activatePolicy(accept, accept - 200);
        check("Visser", "1960-05-01", "40.00");
        check("Smit", java.time.LocalDate.now().minusYears(23).toString(), "400.00");
        scoreLog.flush();
        int checksLogged = logged("credit-check");
        int allLogged = logged(null);
        assertThat(checksLogged).as("each live check is in the score log").isEqualTo(2);

        // a draft with other cut-offs, replayed over the two checks through the same fitted scorecard
        ResponseEntity<JsonNode> simulated = tenant.api().post().uri("/api/v1/credit-policies/simulations")
                .contentType(MediaType.APPLICATION_JSON).body("{\"document\":"
                        + JSON.writeValueAsString(policy(accept + 500, accept - 300)) + ",\"checks\":100}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(simulated.getStatusCode().value()).as(simulated.toString()).isEqualTo(200);
        assertThat(simulated.getBody().get("checks").asInt()).isEqualTo(2);
        assertThat(simulated.getBody().get("changed").asInt()).as("the replay really scored: %s", simulated.getBody())
                .isPositive();
        scoreLog.flush();
        assertThat(logged("credit-check")).as("replays are not scorings").isEqualTo(checksLogged);
        assertThat(logged(null)).isEqualTo(allLogged);
    }

    /** Rows of the tenant's score log (of one channel, or all). */
    private int logged(String channel) {
        return tenants.inTenant(tenant, () -> dsl.fetchCount(SCORING_SCORE_LOG, channel == null ? DSL.noCondition()
                : SCORING_SCORE_LOG.CHANNEL.eq(channel)));
    }

    private void activatePolicy(int accept, int refer) throws Exception {
        ObjectNode doc = policy(accept, refer);
        ResponseEntity<JsonNode> draft = tenant.api().post().uri("/api/v1/credit-policies")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"document\":" + JSON.writeValueAsString(doc) + ",\"note\":\"fitted scorecard\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(draft.getStatusCode().value()).as(draft.toString()).isEqualTo(201);
        int version = draft.getBody().get("version").asInt();
        assertThat(tenant.api().post().uri("/api/v1/credit-policies/" + version + "/activate").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    private ObjectNode policy(int accept, int refer) throws Exception {
        ObjectNode doc;
        try (InputStream in = getClass().getResourceAsStream("/acceptance/default-policy.json")) {
            doc = (ObjectNode) JSON.readTree(in);
        }
        doc.put("scorer", "scoring-scorecard");
        doc.remove("scorecard");
        ObjectNode cutoffs = (ObjectNode) doc.get("cutoffs");
        cutoffs.put("accept", accept);
        cutoffs.put("refer", refer);
        var bands = JSON.createArrayNode();
        bands.add(JSON.createObjectNode().put("band", "A").put("min", accept));
        bands.add(JSON.createObjectNode().put("band", "D").put("min", refer));
        bands.add(JSON.createObjectNode().put("band", "E").put("min", 0));
        doc.set("riskBands", bands);
        return doc;
    }

    private JsonNode check(String lastName, String born, String amount) {
        ResponseEntity<JsonNode> response = tenant.api().post().uri("/api/v1/credit-checks")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"type":"CONSUMER","person":{"firstName":"Anna","lastName":"%s","dateOfBirth":"%s"},
                         "address":{"street":"Kerkstraat","houseNumber":"12","postcode":"1011ab","city":"Amsterdam","country":"NL"},
                         "email":"anna.%s@example.com","phone":"06-12345678","iban":"NL91ABNA0417164300",
                         "order":{"amount":"%s","currency":"EUR","channel":"web","productCategory":"fashion"}}"""
                        .formatted(lastName, born, lastName.toLowerCase(), amount)).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return response.getBody();
    }

    /** Past applications: the risk falls with the applicant's age and rises with the order amount. */
    static Dataset applications(long seed, int rows) {
        Random random = new Random(seed);
        double[] age = new double[rows];
        double[] amount = new double[rows];
        boolean[] bad = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            age[r] = 18 + random.nextInt(63);
            amount[r] = 10 + random.nextInt(491);
            double logit = -1.5 + (amount[r] - 250) / 120 - (age[r] - 45) / 12;
            bad[r] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return new Dataset(List.of(new Column.Numeric("applicant.age", age), new Column.Numeric("order.amount", amount)),
                "bad", bad);
    }
}
