package io.creditflow.scoring;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.registry.Algorithm;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.Role;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.support.ConsoleSession;
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
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Activation by a person (audited, console only), roles, export and import, and the cache across nodes. */
@CreditflowTest
class ModelRegistryIntegrationTest {

    private static final Map<String, Object> CASE = Map.of("income", 1400.0, "housing", "rent", "noise", 5.0);

    @Autowired
    io.creditflow.scoring.registry.ActiveModels activeModels;
    @Autowired
    TestTenants tenants;
    @Autowired
    ScoringModels models;
    @Autowired
    Scoring scoring;
    @Autowired
    Environment environment;

    TestTenant tenant;
    ModelCard first;
    ModelCard second;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        Dataset data = ScoringFixtures.loans(11, 1200);
        first = tenants.inTenant(tenant, () -> models.register(ScoringFixtures.trained(Purpose.ACCEPTANCE, data,
                "first"), "analyst"));
        second = tenants.inTenant(tenant, () -> models.register(ScoringFixtures.trained(Purpose.ACCEPTANCE,
                ScoringFixtures.loans(12, 1200), "second"), "analyst"));
    }

    @Test
    void versionsAreNumberedPerPurposeAndStartAsCandidates() {
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(first.role()).isEqualTo(Role.CANDIDATE);
        assertThat(first.metrics()).containsKeys(Algorithm.SCORECARD, Algorithm.GRADIENT_BOOSTING);
        assertThat(first.features()).containsExactly("income", "housing", "noise");
        assertThat(first.cases()).isEqualTo(1200);
        assertThat(tenants.inTenant(tenant, () -> models.charts(first.id())).get(Algorithm.SCORECARD).roc())
                .startsWith("<svg");
    }

    @Test
    void aCreditManagerActivatesInTheConsoleAndTheActivationIsAudited() {
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        session.login(tenant.user(io.creditflow.tenancy.Role.CREDIT_MANAGER), TestTenants.PASSWORD);
        HttpResponse<String> page = session.get("/console/scoring/models/" + first.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg").contains("income");
        HttpResponse<String> activated = session.post("/console/scoring/models/" + first.id() + "/activate",
                Map.of("role", "CHAMPION", "algorithm", "SCORECARD", "note", "validated on Q3 data"));
        assertThat(activated.statusCode()).isEqualTo(302);

        ModelCard card = tenants.inTenant(tenant, () -> models.card(first.id()));
        assertThat(card.role()).isEqualTo(Role.CHAMPION);
        assertThat(card.activatedBy()).isEqualTo(tenant.user(io.creditflow.tenancy.Role.CREDIT_MANAGER));
        assertThat(card.activationNote()).isEqualTo("validated on Q3 data");
        List<Map<String, Object>> audit = Superuser.jdbc(environment).sql("""
                select actor_type, actor_name, details from audit_pending where tenant_id = :t
                 and action = 'scoring.model.activated'
                union all
                select actor_type, actor_name, details from audit_entry where tenant_id = :t
                 and action = 'scoring.model.activated'""").param("t", tenant.id()).query().listOfRows();
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row.get("actor_type")).isEqualTo("USER");
            assertThat(row.get("actor_name")).isEqualTo(tenant.user(io.creditflow.tenancy.Role.CREDIT_MANAGER));
            assertThat(row.get("details").toString()).contains("CHAMPION").contains("validated on Q3 data");
        });
        assertThat(tenants.inTenant(tenant, () -> scoring.score(Purpose.ACCEPTANCE, CASE, null, "test"))
                .modelVersion()).isEqualTo(1);
    }

    @Test
    void aCollectorMayNotActivateAndNeitherMayAnApiKeyOrAJob() {
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        session.login(tenant.user(io.creditflow.tenancy.Role.COLLECTOR), TestTenants.PASSWORD);
        session.get("/console/scoring/models/" + first.id());
        HttpResponse<String> refused = session.post("/console/scoring/models/" + first.id() + "/activate",
                Map.of("role", "CHAMPION", "algorithm", "SCORECARD", "note", "why not"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> tenants.inTenant(tenant, () -> models.activate(first.id(), Role.CHAMPION,
                Algorithm.SCORECARD, "a job tries")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("by a person");
        assertThat(tenants.inTenant(tenant, () -> models.card(first.id())).role()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void aNewChampionRetiresTheOldOneAndAChallengerIsScoredBesideIt() {
        activate(first, Role.CHAMPION);
        activate(second, Role.CHALLENGER);
        Score score = tenants.inTenant(tenant, () -> scoring.score(Purpose.ACCEPTANCE, CASE, null, "test"));
        assertThat(score.modelVersion()).isEqualTo(1);
        assertThat(score.challenger()).isNotNull();
        assertThat(score.challenger().modelVersion()).isEqualTo(2);

        activate(second, Role.CHAMPION);
        assertThat(tenants.inTenant(tenant, () -> models.card(first.id())).role()).isEqualTo(Role.RETIRED);
        Score after = tenants.inTenant(tenant, () -> scoring.score(Purpose.ACCEPTANCE, CASE, null, "test"));
        assertThat(after.modelVersion()).isEqualTo(2);
        assertThat(after.challenger()).isNull();
        assertThatThrownBy(() -> activate(second, Role.CHALLENGER)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> activate(first, Role.CHAMPION, " ")).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void anotherNodesActivationReachesThisNodesCacheThroughNotify() {
        await().atMost(Duration.ofSeconds(30)).until(activeModels::listening);
        long handled = activeModels.notificationsHandled();
        activate(first, Role.CHAMPION);
        // this node's own activation also arrives as a notification: once handled, it cannot empty the cache later
        await().atMost(Duration.ofSeconds(30)).until(() -> activeModels.notificationsHandled() > handled);
        assertThat(servedVersion()).isEqualTo(1);
        // another node changes the champion: its transaction commits the roles and a NOTIFY, nothing else
        var superuser = Superuser.jdbc(environment);
        superuser.sql("update scoring_model set role = case id when :a then 'RETIRED' else 'CHAMPION' end "
                + "where tenant_id = :t and id in (:a, :b)").param("a", first.id()).param("b", second.id())
                .param("t", tenant.id()).update();
        assertThat(servedVersion()).as("served from memory, not read per score").isEqualTo(1);
        superuser.sql("select pg_notify('scoring_models', :p)").param("p", tenant.id() + ":ACCEPTANCE").query()
                .singleValue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(servedVersion()).isEqualTo(2));
    }

    @Test
    void anExportedModelImportsIntoAnotherTenantAsACandidateThatScoresTheSame() {
        activate(first, Role.CHAMPION);
        ResponseEntity<String> export = tenant.api().get().uri("/api/v1/scoring/models/" + first.id() + "/export")
                .retrieve().toEntity(String.class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        TestTenant other = tenants.create();
        ResponseEntity<JsonNode> imported = other.api().post().uri("/api/v1/scoring/models/import")
                .contentType(MediaType.APPLICATION_JSON).body(export.getBody()).retrieve().toEntity(JsonNode.class);
        assertThat(imported.getStatusCode().value()).isEqualTo(201);
        JsonNode card = imported.getBody();
        assertThat(card.get("role").asString()).isEqualTo("CANDIDATE");
        assertThat(card.get("source").asString()).isEqualTo("IMPORT");
        assertThat(card.get("version").asInt()).isEqualTo(1);
        ModelCard there = tenants.inTenant(other, () -> models.card(java.util.UUID.fromString(card.get("id")
                .asString())));
        tenants.inTenant(other, () -> ScoringFixtures.asPerson("importer", () -> models.activate(there.id(),
                Role.CHAMPION, Algorithm.SCORECARD, "imported from the group")));
        double here = tenants.inTenant(tenant, () -> scoring.score(Purpose.ACCEPTANCE, CASE, null, "t").score());
        double imported2 = tenants.inTenant(other, () -> scoring.score(Purpose.ACCEPTANCE, CASE, null, "t").score());
        assertThat(imported2).isEqualTo(here);

        ResponseEntity<JsonNode> garbage = other.api().post().uri("/api/v1/scoring/models/import")
                .contentType(MediaType.APPLICATION_JSON).body("{\"format\":\"something else\"}").retrieve()
                .toEntity(JsonNode.class);
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
        assertThat(garbage.getBody().get("errors").toString()).contains("\"field\":\"file\"");
    }

    private int servedVersion() {
        return tenants.inTenant(tenant, () -> scoring.score(Purpose.ACCEPTANCE, CASE, null, "test").modelVersion());
    }

    private void activate(ModelCard card, Role role) {
        activate(card, role, "test");
    }

    private void activate(ModelCard card, Role role, String note) {
        tenants.inTenant(tenant, () -> ScoringFixtures.asPerson("lead", () -> models.activate(card.id(), role,
                Algorithm.SCORECARD, note)));
    }
}
