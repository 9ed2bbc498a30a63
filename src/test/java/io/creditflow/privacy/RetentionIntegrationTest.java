package io.creditflow.privacy;

import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.lifecycle.RetentionRuns;
import io.creditflow.privacy.lifecycle.RetentionSchedule;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.OUTBOX_MESSAGE;
import static io.creditflow.jooq.Tables.PRIVACY_ERASURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on a pinned clock: nothing is due before its period; the dry run counts without changing
 * anything; the run erases a debtor who owes nothing and was inactive for the period (with a certificate) and old
 * messages, leaves a debtor with an open invoice and one under a legal hold alone; and seven years later the erased
 * debtor's invoices, kept for fiscal retention, go too. A tenant's own period replaces the default.
 */
@CreditflowTest
class RetentionIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired io.creditflow.receivables.Invoices invoices;
    @Autowired PrivacyFixtures fixtures;
    @Autowired RetentionRuns runs;
    @Autowired RetentionSchedule schedule;
    @Autowired LegalHolds holds;
    @Autowired Ledger ledger;
    @Autowired TenantScope tenantScope;
    @Autowired DSLContext dsl;

    @Test
    void theScheduleIsEnforcedAsOfThePinnedClock() {
        TestTenant tenant = tenants.create();
        Person paidUp = fixtures.person(tenant, 31);
        Person owing = fixtures.person(tenant, 32);
        Person held = fixtures.person(tenant, 33);
        tenantScope.inTenant(tenant.id(), () -> {
            for (Person p : new Person[] {paidUp, held}) {
                // pays what is still open (the fixture's statement line already paid part of it)
                var open = invoices.get(p.invoiceId());
                ledger.post(p.invoiceId(), LedgerEntryKind.PAYMENT, open.openPrincipal().negate(),
                        open.openCosts().negate(), open.openInterest().negate(), LocalDate.now(), "BANK-1", null);
            }
            holds.place(held.debtorId(), "collection.case", "CASE-" + held.debtorId(), "open collection case");
        });
        Instant now = Instant.now();

        assertThat(due(runs.run(tenant.id(), at(now.plus(Duration.ofDays(365))), true)))
                .containsEntry("receivables.inactive-debtors", 0L).containsEntry("messaging.messages", 0L);

        long oldMessages = tenantScope.inTenant(tenant.id(), () -> (long) dsl.fetchCount(OUTBOX_MESSAGE,
                OUTBOX_MESSAGE.STATUS.ne("QUEUED").and(OUTBOX_MESSAGE.SUBJECT_ID.ne(held.debtorId()))));
        assertThat(oldMessages).isGreaterThanOrEqualTo(2);
        var dry = runs.run(tenant.id(), at(now.plus(Duration.ofDays(3 * 365))), true);
        assertThat(due(dry)).containsEntry("receivables.inactive-debtors", 1L)
                .containsEntry("messaging.messages", oldMessages).containsEntry("receivables.fiscal-records", 0L);
        assertThat(erased(tenant, paidUp.debtorId())).as("a dry run changes nothing").isFalse();

        int heldBefore = tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(OUTBOX_MESSAGE,
                OUTBOX_MESSAGE.SUBJECT_ID.eq(held.debtorId())));
        assertThat(heldBefore).as("the fixture's messages and its dunning run's 14-day letter").isGreaterThanOrEqualTo(2);
        var run = runs.run(tenant.id(), at(now.plus(Duration.ofDays(3 * 365))), false);
        assertThat(due(run)).containsEntry("receivables.inactive-debtors", 1L);
        assertThat(erased(tenant, paidUp.debtorId())).isTrue();
        assertThat(erased(tenant, owing.debtorId())).as("owes money").isFalse();
        assertThat(erased(tenant, held.debtorId())).as("legal hold").isFalse();
        JsonNode certificate = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/erasure", paidUp.debtorId())
                .retrieve().body(JsonNode.class);
        assertThat(certificate.get("certificate").get("reason").asString()).isEqualTo("RETENTION");
        int heldMessages = tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(OUTBOX_MESSAGE,
                OUTBOX_MESSAGE.SUBJECT_ID.eq(held.debtorId())));
        assertThat(heldMessages).as("the legal hold keeps the evidence").isEqualTo(heldBefore);
        int owingSent = tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(OUTBOX_MESSAGE,
                OUTBOX_MESSAGE.SUBJECT_ID.eq(owing.debtorId()).and(OUTBOX_MESSAGE.STATUS.ne("QUEUED"))));
        assertThat(owingSent).as("old messages went").isZero();
        assertThat(invoices(tenant, paidUp.debtorId())).as("kept for fiscal retention").isEqualTo(1);

        assertThat(due(runs.run(tenant.id(), at(now.plus(Duration.ofDays(5 * 365))), true)))
                .containsEntry("receivables.fiscal-records", 0L);
        var later = runs.run(tenant.id(), at(now.plus(Duration.ofDays(9 * 365))), false);
        assertThat(due(later)).containsEntry("receivables.fiscal-records", 1L);
        assertThat(invoices(tenant, paidUp.debtorId())).isZero();

        tenantScope.inTenant(tenant.id(), () -> schedule.set("receivables.inactive-debtors", 10_000, true));
        assertThat(tenantScope.inTenant(tenant.id(), () -> schedule.rule("receivables.inactive-debtors")
                .orElseThrow().days())).isEqualTo(10_000);
        var json = tenant.api().get().uri("/api/v1/privacy/retention").retrieve().body(String.class);
        assertThat(json).contains("\"days\":10000");
        int status = tenant.api().put().uri("/api/v1/privacy/retention/{c}", "no.such-category")
                .contentType(MediaType.APPLICATION_JSON).body("{\"days\":1,\"enabled\":true}").retrieve()
                .toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(404);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneId.of("Europe/Amsterdam"));
    }

    private static Map<String, Long> due(RetentionRuns.Run run) {
        assertThat(run.results()).allSatisfy(r -> assertThat(r.error()).as(r.category()).isNull());
        return run.results().stream().collect(Collectors.toMap(RetentionRuns.CategoryResult::category,
                RetentionRuns.CategoryResult::count));
    }

    private boolean erased(TestTenant tenant, UUID debtorId) {
        return tenantScope.inTenant(tenant.id(), () -> dsl.fetchExists(PRIVACY_ERASURE,
                PRIVACY_ERASURE.DEBTOR_ID.eq(debtorId)));
    }

    private int invoices(TestTenant tenant, UUID debtorId) {
        return tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(INVOICE, INVOICE.DEBTOR_ID.eq(debtorId)));
    }
}
