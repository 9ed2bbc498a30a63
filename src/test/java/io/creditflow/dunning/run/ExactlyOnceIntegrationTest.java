package io.creditflow.dunning.run;

import io.creditflow.Creditflow;
import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.InvoiceKind;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each (item, step) yields at most one action, ever, and each debtor at most one message per channel and day: with two
 * nodes (two Spring contexts on one database) running the same day's run at once, and with a run that fails between
 * claiming a batch and sending it, then runs again. Nothing is lost either: every due step is taken.
 */
@CreditflowTest
class ExactlyOnceIntegrationTest {

    private static ConfigurableApplicationContext secondNode;

    @Autowired TestTenants tenants;
    @Autowired BulkIntake intake;
    @Autowired Flows flows;
    @Autowired DunningRuns runs;
    @Autowired RunExecutor executor;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired DSLContext dsl;
    @Autowired Clock clock;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void twoNodesRunningTheSameDayAtOnceTakeEveryStepExactlyOnce() throws Exception {
        TestTenants.TestTenant tenant = book(450);
        LocalDate today = LocalDate.now(clock);
        secondNode = new SpringApplicationBuilder(Creditflow.class).profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off");
        DunningRuns other = secondNode.getBean(DunningRuns.class);

        var one = CompletableFuture.supplyAsync(() -> runs.run(tenant.id(), today, "node-1"));
        var two = CompletableFuture.supplyAsync(() -> other.run(tenant.id(), today, "node-2"));
        DunningRuns.Run a = one.get();
        DunningRuns.Run b = two.get();

        assertThat(List.of(a.status(), b.status())).containsOnly("COMPLETED");
        assertThat(a.planned() + b.planned()).as("planned once between them").isEqualTo(900);
        assertThat(a.executed() + b.executed()).isEqualTo(900);
        assertExactlyOnce(tenant, 450);

        var d1 = CompletableFuture.supplyAsync(() -> dispatcher.dispatchOnce(clock.instant()));
        var d2 = CompletableFuture.supplyAsync(() -> secondNode.getBean(OutboxDispatcher.class)
                .dispatchOnce(clock.instant()));
        d1.get();
        d2.get();
        var mailbox = tenants.inTenant(tenant, () -> dsl.resultQuery(
                "select count(*) as n, count(distinct message_id) as d from console_mailbox").fetchSingle());
        assertThat(mailbox.get("n", Integer.class)).isEqualTo(450).isEqualTo(mailbox.get("d", Integer.class));
    }

    @Test
    void aRunThatFailsBetweenClaimAndSendLosesNothingAndDoublesNothingWhenRunAgain() {
        TestTenants.TestTenant tenant = book(300);
        LocalDate today = LocalDate.now(clock);
        // the run's workers claim batches concurrently (creditflow.dunning.workers): which batch is the second to
        // be claimed, and how far the other worker gets before it stops, depends on the schedule
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        executor.observer = debtors -> {
            if (batches.incrementAndGet() == 2) {
                throw new IllegalStateException("injected crash after claiming " + debtors.size() + " debtors");
            }
        };
        try {
            assertThatThrownBy(() -> runs.run(tenant.id(), today, "crashing")).hasMessageContaining("injected crash");
        } finally {
            executor.observer = debtors -> { };
        }
        var afterCrash = tenants.inTenant(tenant, () -> dsl.resultQuery(
                "select count(*) filter (where status = 'DONE') as done, count(*) filter (where status = 'PLANNED') as "
                        + "planned from dunning_action where status <> 'SKIPPED'").fetchSingle());
        int done = afterCrash.get("done", Integer.class);
        int stillPlanned = afterCrash.get("planned", Integer.class);
        assertThat(done + stillPlanned).as("every action either done or still to do, none lost").isEqualTo(600);
        assertThat(done).as("whole debtors: both of a debtor's actions or neither").isEven();
        assertThat(tenants.inTenant(tenant, () -> dsl.fetchCount(dsl.selectFrom("outbox_message"))))
                .as("a message for each debtor whose batch committed, none for the crashed batch").isEqualTo(done / 2);

        DunningRuns.Run restart = runs.run(tenant.id(), today, "restart");
        assertThat(restart.status()).isEqualTo("COMPLETED");
        assertThat(restart.planned()).as("nothing planned twice").isZero();
        assertThat(restart.executed()).isEqualTo(stillPlanned);
        assertExactlyOnce(tenant, 300);
    }

    private void assertExactlyOnce(TestTenants.TestTenant tenant, int debtors) {
        tenants.inTenant(tenant, () -> {
            var actions = dsl.resultQuery("""
                    select count(*) as n, count(distinct (item_id, step_key)) as distinct_steps,
                           count(*) filter (where status = 'DONE') as done,
                           count(*) filter (where status = 'PLANNED') as planned
                      from dunning_action where status <> 'SKIPPED'""").fetchSingle();
            assertThat(actions.get("n", Integer.class)).isEqualTo(2 * debtors)
                    .isEqualTo(actions.get("distinct_steps", Integer.class)).isEqualTo(actions.get("done", Integer.class));
            var messages = dsl.resultQuery("""
                    select count(*) as n, count(distinct subject_id) as debtors from outbox_message
                     where channel = 'EMAIL'""").fetchSingle();
            assertThat(messages.get("n", Integer.class)).as("one e-mail per debtor").isEqualTo(debtors)
                    .isEqualTo(messages.get("debtors", Integer.class));
            int unlisted = dsl.resultQuery("""
                    select count(*) from dunning_action a where a.status = 'DONE'
                       and (a.message_ids is null or cardinality(a.message_ids) = 0)""").fetchSingle()
                    .get(0, Integer.class);
            assertThat(unlisted).as("every action is in a message").isZero();
            return null;
        });
    }

    /** A tenant on the default flow with n consumer debtors, each with two invoices 10 and 9 days overdue. */
    private TestTenants.TestTenant book(int n) {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        tenants.inTenant(tenant, () -> {
            flows.addRule(0, null, null, flows.save(DunningFixtures.defaultFlowAs("once"), null).flowId());
            List<BulkIntake.DebtorRow> debtors = new ArrayList<>();
            List<BulkIntake.InvoiceRow> invoices = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "D" + i;
                debtors.add(new BulkIntake.DebtorRow(id, DebtorType.CONSUMER, "nl", "EMAIL", "NL", List.of(),
                        new DebtorProfile("Debiteur " + i, "MS", null, List.of(new Address("BILLING", "Dorpsstraat",
                                String.valueOf(i + 1), "1234 AB", "Utrecht", "NL")), List.of("d" + i + "@example.test"),
                                List.of(), List.of(), null, null, null)));
                for (int k = 0; k < 2; k++) {
                    invoices.add(new BulkIntake.InvoiceRow(id, "F-" + i + "-" + k, null, InvoiceKind.INVOICE,
                            today.minusDays(30), today.minusDays(10 - k), "EUR", new BigDecimal("120.00"), null, null));
                }
            }
            intake.write(debtors, invoices, "TEST");
            return null;
        });
        return tenant;
    }
}
