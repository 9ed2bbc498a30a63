package io.creditflow.payments.web;

import io.creditflow.payments.PaymentsApi;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console pages for plans and promises, payment links, direct debit and settings: a plan proposed for a debtor's
 * invoices by number shows its schedule; a refused form (another debtor's invoice, a date in the past) says why and
 * changes nothing; settings are saved; a viewer sees the pages without the forms and may not post them.
 */
@CreditflowTest
class PaymentsConsoleIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Clock clock;

    @Test
    void plansPromisesLinksDirectDebitAndSettingsFromTheConsole() {
        TestTenants.TestTenant tenant = tenants.create();
        PaymentsApi api = new PaymentsApi(tenant);
        api.debtor("CON-1", "Console Klant B.V.", "NL91ABNA0417164300");
        api.debtor("CON-2", "Andere Klant B.V.", "NL69INGB0123456789");
        LocalDate today = LocalDate.now(clock);
        api.invoice("CON-1", "CON-F1", "300.00", today.minusDays(10).toString());
        api.invoice("CON-1", "CON-F2", "100.00", today.minusDays(5).toString());
        api.invoice("CON-2", "CON-G1", "50.00", today.minusDays(5).toString());
        ConsoleSession owner = new ConsoleSession(tenant.baseUrl());
        owner.login(tenant.user(Role.OWNER), TestTenants.PASSWORD);

        assertThat(owner.get("/console/payments/plans?lang=en").body()).contains("Propose a payment plan");
        var mixed = owner.post("/console/payments/plans", Map.of("numbers", "CON-F1, CON-G1", "instalments", "2",
                "firstDueDate", today.plusDays(7).toString(), "frequency", "MONTHLY"));
        assertThat(mixed.statusCode()).isEqualTo(302);
        assertThat(owner.get("/console/payments/plans").body()).contains("belongs to another debtor")
                .doesNotContain("badge PROPOSED");

        var created = owner.post("/console/payments/plans", Map.of("numbers", "CON-F1 CON-F2", "instalments", "4",
                "firstDueDate", today.plusDays(7).toString(), "frequency", "MONTHLY", "agreed", "true"));
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/console/payments/plans/");
        String plan = owner.get(location.substring(location.indexOf("/console"))).body();
        assertThat(plan).contains("CON-F1, CON-F2").contains("100.00").contains(today.plusDays(7).toString())
                .contains("Active");

        owner.post("/console/payments/promises", Map.of("numbers", "CON-G1", "amount", "50.00",
                "promisedDate", today.minusDays(1).toString()));
        assertThat(owner.get("/console/payments/plans").body()).contains("promisedDate: must not be in the past");
        owner.post("/console/payments/promises", Map.of("numbers", "CON-G1", "amount", "50.00",
                "promisedDate", today.plusDays(3).toString()));
        assertThat(owner.get("/console/payments/plans").body()).contains(today.plusDays(6).toString());

        owner.get("/console/payments/links");
        owner.post("/console/payments/links", Map.of("numbers", "CON-G1"));
        assertThat(owner.get("/console/payments/links").body()).contains("/pay/");

        owner.get("/console/payments/settings");
        owner.post("/console/payments/settings", Map.ofEntries(Map.entry("autoApplyThreshold", "0.97"),
                Map.entry("writeOffTolerance", "2.50"), Map.entry("surplus", "CREDIT"), Map.entry("planGraceDays", "6"),
                Map.entry("promiseGraceDays", "2"), Map.entry("instalmentNoticeDays", "4"),
                Map.entry("creditorName", "Console Test BV"), Map.entry("creditorIban", "NL69INGB0123456789"),
                Map.entry("creditorBic", "INGBNL2A"), Map.entry("creditorId", "NL32ZZZ999999991234"),
                Map.entry("preNotificationDays", "5")));
        assertThat(new java.math.BigDecimal(api.get("/api/v1/payment-settings").get("writeOffTolerance").toString()
                .replace("\"", ""))).isEqualByComparingTo("2.50");
        String dd = owner.get("/console/payments/direct-debit").body();
        assertThat(dd).contains("Register a mandate").doesNotContain("before making collections");

        ConsoleSession viewer = new ConsoleSession(tenant.baseUrl());
        viewer.login(tenant.user(Role.VIEWER), TestTenants.PASSWORD);
        assertThat(viewer.get("/console/payments/plans").body()).doesNotContain("name=\"instalments\"");
        assertThat(viewer.post("/console/payments/plans", Map.of("numbers", "CON-F1", "instalments", "2",
                "firstDueDate", today.plusDays(7).toString(), "frequency", "MONTHLY")).statusCode()).isEqualTo(403);
    }
}
