package io.creditflow.payments.arrangements;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.Channel;
import io.creditflow.messaging.Outbox;
import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.PromisesToPay;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments and dunning together, on the default Dutch flow: an invoice under a plan leaves the invoice clock while a
 * missed instalment is reminded (once per step, with a pay link in the e-mail); a promise to pay pauses its invoices
 * through dunning's pauses until the promised date plus grace, and a broken promise hands them back at once.
 */
@CreditflowTest
class DunningWiringIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Flows flows;
    @Autowired DunningRuns runs;
    @Autowired PaymentPlans plans;
    @Autowired PromisesToPay promises;
    @Autowired ArrangementReview review;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired Clock clock;

    @Test
    void aMissedInstalmentIsRemindedOnceAndThePlansInvoiceIsLeftAlone() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            flows.addRule(0, null, null, flows.save(DunningFixtures.defaultFlowAs("plan-flow"), null).flowId());
            UUID debtor = DunningFixtures.consumer(debtors, "Anna Bakker", "nl", true);
            UUID planned = DunningFixtures.invoice(invoices, debtor, "300.00", today.minusDays(40));
            UUID other = DunningFixtures.invoice(invoices, debtor, "50.00", today.minusDays(40));
            plans.propose(debtor, List.of(planned), 3, today, PaymentPlans.Frequency.MONTHLY, true, null);
            return List.of(debtor, planned, other);
        });

        runs.run(tenant.id(), today.plusDays(8), "TEST");
        List<Record> first = actions(tenant);
        assertThat(first).as("nothing on the planned invoice itself")
                .noneMatch(a -> a.get("item_id", UUID.class).equals(ids.get(1)));
        assertThat(first).as("the other invoice keeps its own clock")
                .anyMatch(a -> a.get("item_id", UUID.class).equals(ids.get(2)) && "DONE".equals(a.get("status")));
        List<Record> instalment = first.stream().filter(a -> "INSTALMENT".equals(a.get("item_kind"))).toList();
        assertThat(instalment).filteredOn(a -> "DONE".equals(a.get("status"))).singleElement()
                .satisfies(a -> assertThat(a.get("step_key", String.class)).isEqualTo("herinnering-1"))
                .satisfies(a -> assertThat(a.get("invoice_id", UUID.class)).isEqualTo(ids.get(1)));
        assertThat(instalment).as("only the first instalment is due").extracting(a -> a.get("item_id", UUID.class))
                .containsOnly(instalment.getFirst().get("item_id", UUID.class));

        runs.run(tenant.id(), today.plusDays(9), "TEST");
        runs.run(tenant.id(), today.plusDays(9), "TEST");
        assertThat(actions(tenant)).filteredOn(a -> "INSTALMENT".equals(a.get("item_kind")))
                .as("reminded once, not again on later runs").hasSameSizeAs(instalment);

        var email = tenants.inTenant(tenant, () -> outbox.bySubject(ids.getFirst(), 10)).stream()
                .filter(m -> m.channel() == Channel.EMAIL).toList();
        assertThat(email).isNotEmpty().allSatisfy(m -> assertThat(tenants.inTenant(tenant,
                () -> outbox.get(m.id())).content().orElseThrow().html()).contains("/pay/"));
    }

    @Test
    void aPromisePausesItsInvoicesUntilThePromisedDateAndABrokenOneEndsThePause() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            flows.addRule(0, null, null, flows.save(DunningFixtures.defaultFlowAs("promise-flow"), null).flowId());
            UUID debtor = DunningFixtures.consumer(debtors, "Bram Smit", "nl", true);
            UUID promised = DunningFixtures.invoice(invoices, debtor, "80.00", today.minusDays(10));
            UUID promise = promises.make(debtor, List.of(promised), new BigDecimal("80.00"), today.plusDays(5),
                    "PHONE", null).id();
            return List.of(debtor, promised, promise);
        });
        Record pause = tenants.inTenant(tenant, () -> dsl.resultQuery(
                "select reason, target_id, ends_on, ended_at from dunning_pause").fetchSingle());
        assertThat(pause.get("reason", String.class)).isEqualTo("PROMISE_TO_PAY");
        assertThat(pause.get("target_id", UUID.class)).isEqualTo(ids.get(2));
        assertThat(pause.get("ends_on", LocalDate.class)).as("promised date plus 3 grace days")
                .isEqualTo(today.plusDays(8));

        runs.run(tenant.id(), today, "TEST");
        assertThat(actions(tenant)).as("paused: no reminder while the promise runs")
                .noneMatch(a -> "DONE".equals(a.get("status")));

        assertThat(tenants.inTenant(tenant, () -> review.review(today.plusDays(9))).promisesBroken()).isEqualTo(1);
        assertThat(tenants.inTenant(tenant, () -> dsl.resultQuery("select ended_at from dunning_pause")
                .fetchSingle().get(0))).as("the broken promise ended its pause").isNotNull();
        runs.run(tenant.id(), today.plusDays(9), "TEST");
        assertThat(actions(tenant)).as("the invoice is back in its flow")
                .anyMatch(a -> a.get("item_id", UUID.class).equals(ids.get(1)) && "DONE".equals(a.get("status")));
    }

    private List<Record> actions(TestTenants.TestTenant tenant) {
        return tenants.inTenant(tenant, () -> dsl.resultQuery(
                "select item_id, item_kind, invoice_id, step_key, status from dunning_action order by created_at")
                .fetch());
    }
}
