package io.creditflow.acceptance;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.DunningSeverity;
import io.creditflow.dunning.DunningSeverity.Severity;
import io.creditflow.dunning.Flows;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst dunning step a debtor reached is a signal of the credit check: after a real dunning run, a debtor who got
 * the 14-day letter (final notice) is referred by the default policy's knock-out even once the invoice is paid; a
 * debtor who only got a first reminder is not; a person unknown to the tenant has no such signal at all.
 */
@CreditflowTest
class DunningSignalIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Ledger ledger;
    @Autowired Flows flows;
    @Autowired DunningRuns runs;
    @Autowired DunningSeverity severity;
    @Autowired Clock clock;

    @Test
    void aDebtorWhoReachedAFinalNoticeIsReferredByTheDunningKnockOut() {
        TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            UUID flow = flows.save(DunningFixtures.defaultFlowAs("signal-flow"), null).flowId();
            flows.addRule(0, null, null, flow);
            UUID late = DunningFixtures.consumer(debtors, "Eva Mulder", "nl", true);
            UUID lateInvoice = DunningFixtures.invoice(invoices, late, "100.00", today.minusDays(40));
            UUID reminded = DunningFixtures.consumer(debtors, "Piet Bakker", "nl", true);
            DunningFixtures.invoice(invoices, reminded, "80.00", today.minusDays(8));
            return List.of(late, lateInvoice, reminded);
        });
        assertThat(runs.run(tenant.id(), today, "TEST").status()).isEqualTo("COMPLETED");
        // the late invoice is paid afterwards: nothing is overdue any more, only the dunning history speaks
        tenants.inTenant(tenant, () -> ledger.post(ids.get(1), LedgerEntryKind.PAYMENT, new BigDecimal("-100.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, today, "paid", null));

        var worst = tenants.inTenant(tenant, () -> severity.worstSteps(List.of(ids.get(0), ids.get(2)),
                today.minusMonths(24)));
        assertThat(worst.get(ids.get(0)).severity()).isEqualTo(Severity.FINAL_NOTICE);
        assertThat(worst.get(ids.get(0)).stepKey()).isEqualTo("aanmaning-consument");
        assertThat(worst.get(ids.get(2)).severity()).isEqualTo(Severity.REMINDER);
        assertThat(tenants.inTenant(tenant, () -> severity.worstSteps(List.of(ids.get(0)), today.plusDays(1))))
                .as("steps before the period do not count").isEmpty();

        JsonNode late = check(tenant, "Eva", "Mulder");
        assertThat(signals(tenant, late).get("dunning.worstStep").asInt()).isEqualTo(Severity.FINAL_NOTICE.rank());
        assertThat(signals(tenant, late).get("history.overdueAmount").asString()).isIn("0", "0.00");
        assertThat(late.get("reasons").toString()).contains("KO_DUNNING_STEP").doesNotContain("KO_OVERDUE");
        assertThat(late.get("decision").asString()).isEqualTo("REFER");

        JsonNode reminded = check(tenant, "Piet", "Bakker");
        assertThat(signals(tenant, reminded).get("dunning.worstStep").asInt()).isEqualTo(Severity.REMINDER.rank());
        assertThat(reminded.get("reasons").toString()).doesNotContain("KO_DUNNING_STEP");

        JsonNode stranger = check(tenant, "Nieuw", "Klantje");
        assertThat(signals(tenant, stranger).has("dunning.worstStep")).isFalse();
    }

    private static JsonNode check(TestTenant tenant, String first, String last) {
        return tenant.api().post().uri("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON).body("""
                {"type":"CONSUMER","person":{"firstName":"%s","lastName":"%s","dateOfBirth":"1980-01-01"},
                 "address":{"houseNumber":"12","postcode":"1011 AB"},"email":"%s@example.nl",
                 "order":{"amount":"50.00","currency":"EUR"}}""".formatted(first, last, last.toLowerCase()))
                .retrieve().body(JsonNode.class);
    }

    private static JsonNode signals(TestTenant tenant, JsonNode check) {
        return tenant.api().get().uri("/api/v1/credit-checks/" + check.get("checkId").asString()).retrieve()
                .body(JsonNode.class).get("signals");
    }
}
