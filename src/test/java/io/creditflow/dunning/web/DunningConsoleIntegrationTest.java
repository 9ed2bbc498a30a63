package io.creditflow.dunning.web;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.letters.PrintBatches;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.tenancy.ConsoleUsers;
import io.creditflow.tenancy.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every dunning and messaging console page answers for a signed-in owner after a real run, and shows its data. */
@CreditflowTest
class DunningConsoleIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Flows flows;
    @Autowired DunningRuns runs;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired PrintBatches printBatches;
    @Autowired ConsoleUsers users;
    @Autowired DSLContext dsl;
    @Autowired Clock clock;

    @Test
    void pagesShowRunsTimelinesMessagesAndLetters() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            UUID flow = flows.save(DunningFixtures.defaultFlowAs("console"), null).flowId();
            flows.addRule(0, null, null, flow);
            UUID debtor = DunningFixtures.consumer(debtors, "Anna de Boer", "nl", true);
            UUID invoice = DunningFixtures.invoice(invoices, debtor, "250.00", today.minusDays(40));
            return List.of(flow, debtor, invoice);
        });
        runs.run(tenant.id(), today, "TEST");
        dispatcher.dispatchOnce(clock.instant());
        printBatches.closeAll(clock.instant());
        String external = tenants.inTenant(tenant, () -> debtors.get(ids.get(1)).externalId());
        UUID mailId = tenants.inTenant(tenant, () -> dsl.resultQuery("select id from console_mailbox").fetchSingle()
                .get(0, UUID.class));
        UUID batchId = tenants.inTenant(tenant, () -> dsl.resultQuery("select id from print_batch").fetchSingle()
                .get(0, UUID.class));

        ConsoleSession owner = new ConsoleSession(tenant.baseUrl(), tenant.user(Role.OWNER), TestTenants.PASSWORD);
        assertThat(ok(owner, "/console/dunning")).contains("COMPLETED");
        assertThat(ok(owner, "/console/dunning/flows")).contains("console");
        assertThat(ok(owner, "/console/dunning/flows/" + ids.get(0))).contains("aanmaning-consument");
        assertThat(ok(owner, "/console/dunning/flows/new")).contains("nieuwe-flow");
        assertThat(ok(owner, "/console/dunning/invoices/" + ids.get(2))).contains("Aanmaning (veertiendagenbrief)")
                .contains("SENT");
        assertThat(ok(owner, "/console/dunning/debtors/" + ids.get(1))).contains("Anna de Boer");
        assertThat(ok(owner, "/console/debtors/" + ids.get(1))).contains("Dunning: Aanmaning");
        assertThat(ok(owner, "/console/dunning/calls")).isNotEmpty();
        assertThat(ok(owner, "/console/dunning/settings")).contains("creditorName");
        assertThat(ok(owner, "/console/dunning/templates")).contains("dunning.final-notice");
        assertThat(ok(owner, "/console/dunning/templates?key=dunning.reminder&language=de&tone=INFORMAL&debtor="
                + external)).contains("Hallo Anna");
        assertThat(ok(owner, "/console/calculator?principals=2500.00&debtorType=CONSUMER")).contains("375.00");
        assertThat(ok(owner, "/console/calculator?principal=1000.00&from=2024-01-01&to=2025-01-01&kind=CONSUMER"))
                .contains("70.19");
        assertThat(ok(owner, "/console/messages")).contains("EMAIL").contains("LETTER");
        assertThat(ok(owner, "/console/mailbox")).contains("Aanmaning");
        assertThat(ok(owner, "/console/mailbox?open=" + mailId)).contains("iframe");
        HttpResponse<String> html = owner.get("/console/mailbox/" + mailId + "/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("veertien dagen").contains("De Boer");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'self'");
        assertThat(ok(owner, "/console/letters")).contains(today.toString());
        HttpResponse<byte[]> pdf = owner.bytes("/console/letters/" + batchId + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        HttpResponse<String> bad = owner.post("/console/dunning/flows", Map.of("text", "key: x\nname: X\nsteps:\n"
                + "  - key: one\n    offsetDays: 3\n    actions:\n      - type: EMAIL\n        template: nope\n"));
        assertThat(bad.body()).contains("steps[0].actions[0].template").contains("unknown template");
    }

    @Test
    void theOperatorEditsTheRateTable() {
        String operator = "operator-" + UUID.randomUUID().toString().substring(0, 8) + "@creditflow.test";
        users.createOperator(operator, "Operator", TestTenants.PASSWORD);
        TestTenants.TestTenant tenant = tenants.create();
        ConsoleSession session = new ConsoleSession(tenant.baseUrl(), operator, TestTenants.PASSWORD);
        assertThat(ok(session, "/operator/interest-rates")).contains("2023-07-01").contains("12.000");
        assertThat(session.post("/operator/interest-rates", Map.of("kind", "COMMERCIAL", "effectiveFrom",
                "2026-07-01", "percent", "abc")).statusCode()).isEqualTo(400);
        ConsoleSession owner = new ConsoleSession(tenant.baseUrl(), tenant.user(Role.OWNER), TestTenants.PASSWORD);
        assertThat(owner.get("/operator/interest-rates").statusCode()).isEqualTo(403);
    }

    private static String ok(ConsoleSession session, String path) {
        HttpResponse<String> r = session.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
