package io.creditflow.collection;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The console pages with data: case list with filters, case page and its buttons per role, worklist, webhooks. */
@CreditflowTest
class CollectionConsoleIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired TenantScope tenantScope;
    @Autowired CollectionCases cases;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;

    @Test
    void collectorsWorkCasesAndSeeTheWorklist() {
        TestTenant tenant = tenants.create();
        UUID caseId = tenantScope.inTenant(tenant.id(), () -> {
            UUID debtor = DunningFixtures.business(debtors, "Console Handel BV", List.of());
            UUID invoice = DunningFixtures.invoice(invoices, debtor, "640.00", LocalDate.now().minusDays(50));
            return cases.request(debtor, List.of(invoice), "s1").orElseThrow();
        });
        String reference = tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).reference();
        ConsoleSession collector = new ConsoleSession(tenant.baseUrl());
        collector.login(tenant.user(Role.COLLECTOR), TestTenants.PASSWORD);

        var list = collector.get("/console/collection/cases?stage=NEW");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(reference);
        assertThat(collector.get("/console/collection/cases?stage=PRE_COURT").body()).doesNotContain(reference);

        var page = collector.get("/console/collection/cases/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Console Handel BV").contains("640,00")
                .contains("/console/collection/cases/" + caseId + "/advance")
                .doesNotContain("/handoff/approval");
        var moved = collector.post("/console/collection/cases/" + caseId + "/advance", Map.of());
        assertThat(moved.statusCode()).as("advance: %s", moved.body()).isEqualTo(302);
        assertThat(tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).stage()).isEqualTo(Stage.REMINDER);

        var worklist = collector.get("/console/collection/worklist");
        assertThat(worklist.statusCode()).isEqualTo(200);
        // no collectability model in a new tenant: the page says the default rate is used (0.35 x what is open)
        java.math.BigDecimal open = tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).open();
        String expected = open.multiply(new java.math.BigDecimal("0.35")).setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',');
        assertThat(worklist.body()).contains(reference).contains(expected).contains("35 %");

        ConsoleSession viewer = new ConsoleSession(tenant.baseUrl());
        viewer.login(tenant.user(Role.VIEWER), TestTenants.PASSWORD);
        assertThat(viewer.get("/console/collection/cases/" + caseId).body())
                .doesNotContain("/console/collection/cases/" + caseId + "/advance");
        assertThat(viewer.post("/console/collection/cases/" + caseId + "/advance", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(viewer.get("/console/webhooks").statusCode()).isEqualTo(403);

        ConsoleSession owner = new ConsoleSession(tenant.baseUrl());
        owner.login(tenant.user(Role.OWNER), TestTenants.PASSWORD);
        owner.get("/console/webhooks"); // the form's page: signing in renewed the CSRF token
        var created = owner.post("/console/webhooks", Map.of("url", "https://hooks.example.org/creditflow",
                "eventTypes", "case.opened"));
        assertThat(created.statusCode()).isEqualTo(302);
        var hooks = owner.get("/console/webhooks");
        assertThat(hooks.statusCode()).isEqualTo(200);
        assertThat(hooks.body()).contains("https://hooks.example.org/creditflow").contains("whsec_");
        assertThat(owner.get("/console/webhooks").body()).as("the secret is shown once").doesNotContain("whsec_");
    }

    @Test
    void aCreditManagerWithdrawsACaseFromItsPageAndACollectorCannot() {
        TestTenant tenant = tenants.create();
        UUID caseId = tenantScope.inTenant(tenant.id(), () -> {
            UUID debtor = DunningFixtures.business(debtors, "Intrek Handel BV", List.of());
            UUID invoice = DunningFixtures.invoice(invoices, debtor, "120.00", LocalDate.now().minusDays(50));
            return cases.request(debtor, List.of(invoice), "s1").orElseThrow();
        });
        String page = "/console/collection/cases/" + caseId;
        ConsoleSession collector = new ConsoleSession(tenant.baseUrl());
        collector.login(tenant.user(Role.COLLECTOR), TestTenants.PASSWORD);
        assertThat(collector.get(page).body()).doesNotContain(page + "/withdrawal");
        assertThat(collector.post(page + "/withdrawal", Map.of("reason", "UNCOLLECTABLE")).statusCode()).isEqualTo(403);

        ConsoleSession manager = new ConsoleSession(tenant.baseUrl());
        manager.login(tenant.user(Role.CREDIT_MANAGER), TestTenants.PASSWORD);
        assertThat(manager.get(page).body()).contains(page + "/withdrawal").contains("debiteur insolvent");
        var noReason = manager.post(page + "/withdrawal", Map.of());
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(manager.get(page).body()).contains("A withdrawal needs a reason");
        assertThat(tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).status()).isEqualTo("OPEN");

        var withdrawn = manager.post(page + "/withdrawal", Map.of("reason", "DEBTOR_INSOLVENT"));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(tenantScope.inTenant(tenant.id(), () -> cases.get(caseId)).closeReason())
                .isEqualTo("WITHDRAWN:DEBTOR_INSOLVENT");
        assertThat(manager.get(page).body()).contains("ingetrokken: debiteur insolvent")
                .doesNotContain(page + "/withdrawal");
    }
}
