package io.creditflow.privacy;

import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.platform.TenantScope;
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

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.OUTBOX_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restriction of processing (art. 18) through the API, and its contract with every module: {@link Restrictions}
 * answers per debtor and per set, the database table supports set-based runs, a restricted person gets no message
 * (also one queued before the restriction), the API and pages show it, and lifting it restores processing. Dunning
 * and scoring, when merged, test their own runs against the same contract.
 */
@CreditflowTest
class RestrictionIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired Restrictions restrictions;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired TenantScope tenantScope;
    @Autowired DSLContext dsl;

    @Test
    void aRestrictedPersonIsOnlyStored() {
        TestTenant tenant = tenants.create();
        Person person = fixtures.person(tenant, 51);
        Person other = fixtures.person(tenant, 52);
        UUID queued = tenantScope.inTenant(tenant.id(), () -> outbox.enqueue(OutboundMessage.sms(person.debtorId(),
                "test", "x", "sms-before-" + person.debtorId(), "nl", person.phone(), "Betaal alstublieft")));
        JsonNode request = post(tenant, "/api/v1/privacy/requests",
                "{\"type\":\"RESTRICTION\",\"debtorId\":\"" + person.debtorId() + "\"}");
        post(tenant, "/api/v1/privacy/debtors/" + person.debtorId() + "/restriction",
                "{\"reason\":\"accuracy contested\",\"requestId\":\"" + request.get("id").asString() + "\"}");

        assertThat(tenantScope.inTenant(tenant.id(), () -> restrictions.isRestricted(person.debtorId()))).isTrue();
        assertThat(tenantScope.inTenant(tenant.id(), () -> restrictions.restrictedAmong(
                List.of(person.debtorId(), other.debtorId())))).isEqualTo(Set.of(person.debtorId()));
        long unrestrictedSql = tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(dsl.selectOne()
                .from("debtor d").where("not exists (select 1 from privacy_restriction r where r.tenant_id = "
                        + "d.tenant_id and r.debtor_id = d.id)")));
        assertThat(unrestrictedSql).as("set-based runs join the table").isEqualTo(1);
        assertThat(tenant.api().get().uri("/api/v1/debtors/{id}", person.debtorId()).retrieve().body(JsonNode.class)
                .get("restricted").asBoolean()).isTrue();
        assertThat(tenant.api().get().uri("/api/v1/privacy/requests/{id}", request.get("id").asString()).retrieve()
                .body(JsonNode.class).get("status").asString()).isEqualTo("COMPLETED");

        dispatcher.dispatchOnce(Instant.now().plusSeconds(120));
        var status = tenantScope.inTenant(tenant.id(), () -> dsl.select(OUTBOX_MESSAGE.STATUS, OUTBOX_MESSAGE.LAST_ERROR)
                .from(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(queued)).fetchSingle());
        assertThat(status.value1()).as("a message queued before the restriction is not sent").isEqualTo("FAILED");
        assertThat(status.value2()).contains("restricted");

        int lifted = tenant.api().delete().uri("/api/v1/privacy/debtors/{id}/restriction?reason=verified",
                person.debtorId()).retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(lifted).isEqualTo(200);
        assertThat(tenantScope.inTenant(tenant.id(), () -> restrictions.isRestricted(person.debtorId()))).isFalse();
        UUID after = tenantScope.inTenant(tenant.id(), () -> outbox.enqueue(OutboundMessage.sms(person.debtorId(),
                "test", "x", "sms-after-" + person.debtorId(), "nl", person.phone(), "Betaal alstublieft")));
        dispatcher.dispatchOnce(Instant.now().plusSeconds(180));
        assertThat(tenantScope.inTenant(tenant.id(), () -> dsl.select(OUTBOX_MESSAGE.STATUS).from(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.ID.eq(after)).fetchSingle().value1())).isIn("SENT", "DELIVERED");

        int missingReason = tenant.api().post().uri("/api/v1/privacy/debtors/{id}/restriction", person.debtorId())
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toBodilessEntity().getStatusCode()
                .value();
        assertThat(missingReason).isEqualTo(400);
    }

    static JsonNode post(TestTenant tenant, String path, String body) {
        var response = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", path, response.getBody()).isTrue();
        return response.getBody();
    }
}
