package io.creditflow.acceptance;

import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.arrangements.ArrangementReview;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plans.broken}: the payment plans of the identity's debtors breached in the last 24 months, from the payments
 * module. Present (0) for a known debtor without broken plans, absent for an unknown applicant; a breach older than
 * 24 months and a cancelled plan do not count.
 */
@CreditflowTest
class PlansBrokenSignalIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PaymentPlans plans;
    @Autowired ArrangementReview review;
    @Autowired DSLContext dsl;
    @Autowired Clock clock;

    @Test
    void countsThePlansTheDebtorBrokeInTheLast24Months() {
        TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        UUID debtor = UUID.fromString(post(tenant, "/api/v1/debtors", """
                {"externalId":"PB-1","type":"CONSUMER","name":"Ruud Kramer","dateOfBirth":"1979-04-04",
                 "address":{"houseNumber":"8","postcode":"2511 AB","country":"NL"}}""").get("id").asString());
        List<UUID> invoices = List.of("PB-A", "PB-B", "PB-C").stream().map(n -> UUID.fromString(post(tenant,
                "/api/v1/invoices", """
                {"debtorExternalId":"PB-1","number":"%s","issueDate":"%s","dueDate":"%s","currency":"EUR",
                 "amount":"60.00"}""".formatted(n, today.minusDays(40), today.minusDays(10))).get("id").asString()))
                .toList();
        String applicant = """
                {"type":"CONSUMER","person":{"firstName":"Ruud","lastName":"Kramer","dateOfBirth":"1979-04-04"},
                 "address":{"houseNumber":"8","postcode":"2511 AB"},"order":{"amount":"%s","currency":"EUR"}}""";

        assertThat(signals(tenant, applicant.formatted("10.00")).get("plans.broken").asInt())
                .as("a known debtor without plans").isZero();

        UUID recent = tenants.inTenant(tenant, () -> plans.propose(debtor, List.of(invoices.get(0)), 2, today,
                PaymentPlans.Frequency.MONTHLY, true, null).id());
        UUID old = tenants.inTenant(tenant, () -> plans.propose(debtor, List.of(invoices.get(1)), 2, today,
                PaymentPlans.Frequency.MONTHLY, true, null).id());
        tenants.inTenant(tenant, () -> plans.cancel(plans.propose(debtor, List.of(invoices.get(2)), 2, today,
                PaymentPlans.Frequency.MONTHLY, true, null).id(), "agreed otherwise"));
        var outcome = tenants.inTenant(tenant, () -> review.review(today.plusDays(20)));
        assertThat(outcome.breached()).isEqualTo(2);
        tenants.inTenant(tenant, () -> dsl.execute(
                "update payment_plan set closed_at = now() - interval '25 months' where id = {0}", old));

        JsonNode signals = signals(tenant, applicant.formatted("20.00"));
        assertThat(signals.get("plans.broken").asInt()).as("the recent breach only, not the old or cancelled plan")
                .isEqualTo(1);
        assertThat(tenants.inTenant(tenant, () -> plans.get(recent).status())).isEqualTo("BREACHED");

        JsonNode stranger = signals(tenant, """
                {"type":"CONSUMER","person":{"firstName":"Els","lastName":"Vos","dateOfBirth":"1990-01-01"},
                 "address":{"houseNumber":"1","postcode":"9711 GH"},"order":{"amount":"10.00","currency":"EUR"}}""");
        assertThat(stranger.has("plans.broken")).as("no history, no signal").isFalse();
    }

    private JsonNode signals(TestTenant tenant, String body) {
        String id = post(tenant, "/api/v1/credit-checks", body).get("checkId").asString();
        return tenant.api().get().uri("/api/v1/credit-checks/" + id).retrieve().body(JsonNode.class).get("signals");
    }

    private static JsonNode post(TestTenant tenant, String path, String body) {
        return tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(JsonNode.class);
    }
}
