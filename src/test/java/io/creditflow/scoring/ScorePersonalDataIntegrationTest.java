package io.creditflow.scoring;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores about a person take part in the data-subject rights: the access export lists them (section
 * scoring.scores) and an erasure deletes them, leaving another debtor's scores alone.
 */
@CreditflowTest
class ScorePersonalDataIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired DSLContext dsl;

    @Test
    void theScoreLogIsExportedAndErased() {
        TestTenant tenant = tenants.create();
        Person person = fixtures.person(tenant, 601);
        Person bystander = fixtures.person(tenant, 602);

        JsonNode export = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/export", person.debtorId()).retrieve()
                .body(JsonNode.class);
        JsonNode scores = null;
        for (JsonNode section : export.findValues("section")) {
            if (section.isString() && section.asString().equals("scoring.scores")) {
                scores = section;
            }
        }
        assertThat(scores).as("a scoring.scores section in " + export).isNotNull();
        assertThat(export.toString()).contains("\"purpose\":\"ACCEPTANCE\"").contains("shared acceptance model v");
        assertThat(logged(tenant, person.debtorId())).isEqualTo(1);

        JsonNode erasure = tenant.api().post().uri("/api/v1/privacy/debtors/" + person.debtorId() + "/erasure")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(JsonNode.class);
        assertThat(erasure.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(erasure.get("certificate").toString()).contains("scoring.scores").contains("scores served");
        assertThat(logged(tenant, person.debtorId())).isZero();
        assertThat(logged(tenant, bystander.debtorId())).isEqualTo(1);
    }

    private int logged(TestTenant tenant, UUID debtorId) {
        return tenants.inTenant(tenant, () -> dsl.fetchCount(io.creditflow.jooq.Tables.SCORING_SCORE_LOG,
                io.creditflow.jooq.Tables.SCORING_SCORE_LOG.DEBTOR_ID.eq(debtorId)));
    }
}
