package io.creditflow.payments.arrangements;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.Channel;
import io.creditflow.messaging.Outbox;
import io.creditflow.payments.PaymentLinks;
import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.links.LinkPayments;
import io.creditflow.payments.links.SandboxPaymentProvider;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    @Autowired PaymentLinks paymentLinks;
    @Autowired LinkPayments linkPayments;
    @Autowired SandboxPaymentProvider sandbox;

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

    /** The links a run's batch makes together: per debtor its own invoices, oldest due first; reused next time. */
    @Test
    void aRunsPayLinksPayEachDebtorsRemindedInvoicesAndAreReusedByTheNextReminder() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            flows.addRule(0, null, null, flows.save(DunningFixtures.defaultFlowAs("link-flow"), null).flowId());
            UUID two = DunningFixtures.consumer(debtors, "Dirk Twee", "nl", true);
            UUID newer = DunningFixtures.invoice(invoices, two, "70.00", today.minusDays(8));
            UUID older = DunningFixtures.invoice(invoices, two, "30.00", today.minusDays(10));
            UUID one = DunningFixtures.consumer(debtors, "Eva Een", "en", true);
            UUID only = DunningFixtures.invoice(invoices, one, "45.50", today.minusDays(9));
            return List.of(two, older, newer, one, only);
        });

        runs.run(tenant.id(), today, "TEST");
        String twoToken = payToken(tenant, ids.get(0), 0);
        String oneToken = payToken(tenant, ids.get(3), 0);
        PaymentLinks.Link twoLink = tenants.inTenant(tenant, () -> paymentLinks.list(ids.get(0), 10)).getFirst();
        PaymentLinks.Link oneLink = tenants.inTenant(tenant, () -> paymentLinks.list(ids.get(3), 10)).getFirst();
        assertThat(twoLink.token()).isEqualTo(twoToken);
        assertThat(twoLink.invoiceIds()).containsExactly(ids.get(1), ids.get(2));
        assertThat(twoLink.amount()).isEqualByComparingTo("100.00");
        assertThat(oneLink.token()).isEqualTo(oneToken);
        assertThat(oneLink.invoiceIds()).containsExactly(ids.get(4));
        assertThat(oneLink.amount()).isEqualByComparingTo("45.50");

        runs.run(tenant.id(), today.plusDays(14), "TEST");
        assertThat(payToken(tenant, ids.get(0), 1)).as("the second reminder reuses the open link").isEqualTo(twoToken);
        assertThat(tenants.inTenant(tenant, () -> paymentLinks.list(ids.get(0), 10))).hasSize(1);
    }

    /** The pay-link token in the debtor's {@code nth} e-mail (oldest first). */
    private String payToken(TestTenants.TestTenant tenant, UUID debtor, int nth) {
        List<String> html = tenants.inTenant(tenant, () -> outbox.bySubject(debtor, 10)).stream()
                .filter(m -> m.channel() == Channel.EMAIL).sorted(java.util.Comparator.comparing(
                        Outbox.Summary::createdAt)).map(m -> String.valueOf(tenants.inTenant(tenant,
                        () -> outbox.get(m.id())).content().orElseThrow().html())).toList();
        Matcher pay = Pattern.compile("/pay/([A-Za-z0-9_-]{32,})").matcher(html.get(nth));
        assertThat(pay.find()).as(html.get(nth)).isTrue();
        return pay.group(1);
    }

    @Test
    void aMissedInstalmentsPayLinkPaysTheInstalmentAcrossThePlansInvoices() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            flows.addRule(0, null, null, flows.save(DunningFixtures.defaultFlowAs("plan-link-flow"), null).flowId());
            UUID debtor = DunningFixtures.consumer(debtors, "Cor Termijn", "nl", true);
            UUID older = DunningFixtures.invoice(invoices, debtor, "100.00", today.minusDays(50));
            UUID newer = DunningFixtures.invoice(invoices, debtor, "200.00", today.minusDays(40));
            plans.propose(debtor, List.of(older, newer), 3, today, PaymentPlans.Frequency.MONTHLY, true, null);
            return List.of(debtor, older, newer);
        });
        UUID debtor = ids.getFirst();

        runs.run(tenant.id(), today.plusDays(8), "TEST");
        String html = tenants.inTenant(tenant, () -> outbox.bySubject(debtor, 10)).stream()
                .filter(m -> m.channel() == Channel.EMAIL).map(m -> String.valueOf(tenants.inTenant(tenant,
                        () -> outbox.get(m.id())).content().orElseThrow().html())).findFirst().orElseThrow();
        Matcher pay = Pattern.compile("/pay/([A-Za-z0-9_-]{32,})").matcher(html);
        assertThat(pay.find()).as(html).isTrue();
        String token = pay.group(1);

        // the link is for the first instalment (a third of 300.00), over both of the plan's invoices
        PaymentLinks.Link link = tenants.inTenant(tenant, () -> paymentLinks.list(debtor, 10)).getFirst();
        assertThat(link.token()).isEqualTo(token);
        assertThat(link.amount()).isEqualByComparingTo("100.00");
        assertThat(link.invoiceIds()).containsExactly(ids.get(1), ids.get(2));
        assertThat(linkPayments.view(token).open()).isEqualByComparingTo("100.00");

        // paid through the sandbox: 100.00 goes onto the plan's invoices and the plan counts the instalment paid
        URI checkout = linkPayments.start(token, URI.create(tenant.baseUrl()));
        String paymentId = checkout.getPath().substring(checkout.getPath().lastIndexOf('/') + 1);
        byte[] body = """
                {"eventId":"evt_instalment_1","paymentId":"%s","status":"PAID","amount":"100.00","currency":"EUR"}"""
                .formatted(paymentId).getBytes(StandardCharsets.UTF_8);
        assertThat(linkPayments.webhook("sandbox", Map.of("sandbox-signature",
                sandbox.signatureHeader(Instant.now().getEpochSecond(), body)), body))
                .isEqualTo(LinkPayments.WebhookOutcome.APPLIED);
        BigDecimal openOnPlan = tenants.inTenant(tenant, () -> invoices.get(ids.get(1)).openAmount()
                .add(invoices.get(ids.get(2)).openAmount()));
        assertThat(openOnPlan).isEqualByComparingTo("200.00");
        PaymentPlans.Plan plan = tenants.inTenant(tenant, () -> plans.ofDebtor(debtor)).getFirst();
        assertThat(plan.paid()).isEqualByComparingTo("100.00");
        assertThat(tenants.inTenant(tenant, () -> plans.openInstalments(today.plusYears(1))))
                .as("the first instalment is paid, the next two are open").extracting(PaymentPlans.OpenInstalment::number)
                .containsExactly(2, 3);
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
