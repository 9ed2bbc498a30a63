package io.creditflow.dunning.run;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.Channel;
import io.creditflow.messaging.MessageStatus;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.letters.PrintBatches;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run end to end on the default Dutch flow: catch-up to the 14-day letter for a consumer with two overdue invoices
 * (one message per channel listing both; costs on the summed principals), a first reminder for a business, nothing
 * twice on a second run, the letter's evidence when it is sent, and costs and interest charged through the ledger
 * once the letter's term has expired.
 */
@CreditflowTest
class DunningRunIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Flows flows;
    @Autowired DunningRuns runs;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired PrintBatches printBatches;
    @Autowired Ledger ledger;
    @Autowired DSLContext dsl;
    @Autowired Clock clock;
    @Autowired io.creditflow.dunning.DunningPauses pauses;
    @Autowired io.creditflow.dunning.DunningHistory history;

    @Test
    void catchesUpToTheFourteenDayLetterAndChargesCostsOnlyAfterItsTerm() throws Exception {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        var ids = tenants.inTenant(tenant, () -> {
            UUID flow = flows.save(DunningFixtures.defaultFlowAs("test-flow"), null).flowId();
            flows.addRule(0, null, null, flow);
            UUID consumer = DunningFixtures.consumer(debtors, "Jan de Vries", "nl", true);
            UUID a = DunningFixtures.invoice(invoices, consumer, "100.00", today.minusDays(40));
            UUID b = DunningFixtures.invoice(invoices, consumer, "2500.00", today.minusDays(36));
            UUID business = DunningFixtures.business(debtors, "Bouw B.V.", List.of("b2b"));
            UUID c = DunningFixtures.invoice(invoices, business, "800.00", today.minusDays(8));
            return List.of(consumer, a, b, business, c);
        });
        UUID consumer = ids.get(0);
        UUID business = ids.get(3);

        DunningRuns.Run first = runs.run(tenant.id(), today, "TEST");
        assertThat(first.status()).isEqualTo("COMPLETED");
        assertThat(first.planned()).isEqualTo(3);
        assertThat(first.skipped()).as("pre-due, reminder 1 and 2 of both consumer invoices; pre-due of the business one")
                .isEqualTo(7);
        Map<String, Long> actions = actionsByStep(tenant);
        assertThat(actions).containsEntry("aanmaning-consument/DONE", 2L).containsEntry("herinnering-1/DONE", 1L)
                .containsEntry("herinnering-1/SKIPPED", 2L);
        // the steps passed over are named on the planned action, and the invoice's history shows each of them
        assertThat(tenants.inTenant(tenant, () -> dsl.fetchCount(dsl.selectFrom("dunning_action")
                .where("status = 'SKIPPED'")))).as("no rows of their own").isZero();
        var invoiceHistory = tenants.inTenant(tenant, () -> history.actionsOfInvoice(ids.get(1)));
        assertThat(invoiceHistory).filteredOn(a -> a.status().equals("SKIPPED"))
                .extracting(io.creditflow.dunning.DunningHistory.Action::stepKey)
                .containsExactlyInAnyOrder("voor-vervaldatum", "herinnering-1", "herinnering-2");
        assertThat(invoiceHistory).filteredOn(a -> a.status().equals("SKIPPED"))
                .extracting(io.creditflow.dunning.DunningHistory.Action::reason)
                .containsOnly("catch-up: a later step was due in the same run");

        var consumerMessages = tenants.inTenant(tenant, () -> outbox.bySubject(consumer, 10));
        assertThat(consumerMessages).extracting(Outbox.Summary::channel)
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.LETTER);
        var email = tenants.inTenant(tenant, () -> outbox.get(consumerMessages.stream()
                .filter(m -> m.channel() == Channel.EMAIL).findFirst().orElseThrow().id()));
        String html = email.content().orElseThrow().html();
        assertThat(html).contains("€ 385,00").contains("€ 2.600,00")
                .contains("binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd")
                .contains("Geachte heer De Vries");
        assertThat(tenants.inTenant(tenant, () -> outbox.bySubject(business, 10))).hasSize(1);

        DunningRuns.Run again = runs.run(tenant.id(), today, "TEST");
        assertThat(again.planned()).isZero();
        assertThat(again.executed()).isZero();
        assertThat(tenants.inTenant(tenant, () -> outbox.bySubject(consumer, 10))).hasSize(2);

        dispatcher.dispatchOnce(clock.instant());
        printBatches.closeAll(clock.instant());
        var letters = tenants.inTenant(tenant, () -> dsl.resultQuery(
                "select channel, status, stated_costs, deadline, valid, pdf from dunning_letter").fetch());
        assertThat(letters).hasSize(2).allSatisfy(l -> {
            assertThat(l.get("status", String.class)).isEqualTo("SENT");
            assertThat(l.get("stated_costs", BigDecimal.class)).isEqualByComparingTo("385.00");
            assertThat(l.get("valid", Boolean.class)).isTrue();
            assertThat(l.get("deadline", LocalDate.class)).isAfterOrEqualTo(today.plusDays(14));
        });
        var letterMessage = consumerMessages.stream().filter(m -> m.channel() == Channel.LETTER).findFirst().orElseThrow();
        byte[] pdf = tenants.inTenant(tenant, () -> outbox.document(letterMessage.id())).orElseThrow();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("385,00").contains("De Vries").contains("1011 AB");

        LocalDate later = today.plusDays(30);
        DunningRuns.Run collection = runs.run(tenant.id(), later, "TEST");
        assertThat(collection.planned()).as("collection for both consumer invoices, the business final notice").isEqualTo(3);
        BigDecimal costs = tenants.inTenant(tenant, () -> ids.subList(1, 3).stream()
                .flatMap(i -> ledger.entries(i).stream()).filter(e -> e.kind() == LedgerEntryKind.COST_CHARGED)
                .map(e -> e.costs()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(costs).isEqualByComparingTo("385.00");
        BigDecimal interest = tenants.inTenant(tenant, () -> ids.subList(1, 3).stream()
                .flatMap(i -> ledger.entries(i).stream()).filter(e -> e.kind() == LedgerEntryKind.INTEREST_CHARGED)
                .map(e -> e.interest()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(interest).isPositive();
        // the collection step also opens a case, whose own message (origin "collection") arrives asynchronously
        assertThat(tenants.inTenant(tenant, () -> outbox.bySubject(consumer, 10)))
                .filteredOn(m -> "dunning".equals(m.origin())).hasSize(3)
                .extracting(Outbox.Summary::status).contains(MessageStatus.QUEUED);
    }

    @Test
    void refusesConsumerCostsWithoutALetter() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        UUID invoice = tenants.inTenant(tenant, () -> {
            var flow = io.creditflow.dunning.FlowFormat.parse("""
                    key: costs-too-early
                    name: Costs without letter
                    steps:
                      - key: charge
                        offsetDays: 10
                        actions:
                          - type: CHARGE_COSTS
                    """);
            flows.addRule(0, null, null, flows.save(flow, null).flowId());
            UUID consumer = DunningFixtures.consumer(debtors, "Piet Bakker", "nl", true);
            return DunningFixtures.invoice(invoices, consumer, "500.00", today.minusDays(20));
        });
        runs.run(tenant.id(), today, "TEST");
        assertThat(tenants.inTenant(tenant, () -> ledger.entries(invoice))).noneMatch(e -> e.kind() == LedgerEntryKind.COST_CHARGED);
        String outcome = tenants.inTenant(tenant, () -> dsl.resultQuery("select outcome from dunning_action")
                .fetchSingle().get(0, String.class));
        assertThat(outcome).contains("costs refused").contains("no 14-day letter");
    }

    @Test
    void aPausedDebtorIsLeftAloneUntilResumedAndARestrictedOneIsNeverMessaged() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        var ids = tenants.inTenant(tenant, () -> {
            flows.addRule(0, null, null, flows.save(DunningFixtures.defaultFlowAs("pauses"), null).flowId());
            UUID debtor = DunningFixtures.consumer(debtors, "Eva Smit", "nl", true);
            UUID invoice = DunningFixtures.invoice(invoices, debtor, "90.00", today.minusDays(8));
            UUID pause = pauses.pause(io.creditflow.dunning.DunningPauses.Scope.DEBTOR, debtor, List.of(),
                    "PAYMENT_PLAN", "talks about a plan", today.plusDays(5), "MANUAL");
            return List.of(debtor, invoice, pause);
        });
        DunningRuns.Run paused = runs.run(tenant.id(), today, "TEST");
        assertThat(paused.paused()).isEqualTo(1);
        assertThat(paused.planned()).isZero();
        assertThat(tenants.inTenant(tenant, () -> outbox.bySubject(ids.get(0), 10))).isEmpty();

        DunningRuns.Run afterEnd = runs.run(tenant.id(), today.plusDays(6), "TEST");
        assertThat(afterEnd.paused()).as("the pause ended by itself").isZero();
        assertThat(afterEnd.planned()).isEqualTo(1);
        assertThat(tenants.inTenant(tenant, () -> outbox.bySubject(ids.get(0), 10))).hasSize(1);

        tenants.inTenant(tenant, () -> {
            pauses.pause(io.creditflow.dunning.DunningPauses.Scope.INVOICE, ids.get(1), List.of(), "DISPUTE", null,
                    null, "MANUAL");
            return null;
        });
        assertThat(runs.run(tenant.id(), today.plusDays(30), "TEST").planned()).isZero();
    }

    private Map<String, Long> actionsByStep(TestTenants.TestTenant tenant) {
        return tenants.inTenant(tenant, () -> dsl.resultQuery("select step_key, status from dunning_action_log").fetch()
                .stream().collect(Collectors.groupingBy(r -> r.get(0, String.class) + "/" + r.get(1, String.class),
                        Collectors.counting())));
    }
}
