package io.creditflow.collection;

import io.creditflow.dunning.CollectionCaseRequested;
import io.creditflow.dunning.DunningFixtures;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.LegalHolds;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.InvoiceStatus;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.creditflow.support.Superuser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Cases opened from dunning's event (idempotent, one open case per debtor), stages moved exactly once by concurrent
 * runs, costs and interest booked by the law module (14-day-letter rule for consumers), closing on payment with the
 * legal hold released, and tenants kept apart.
 */
@CreditflowTest
class CollectionCasesIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired TenantScope tenantScope;
    @Autowired CollectionCases cases;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Ledger ledger;
    @Autowired LegalHolds holds;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired DSLContext dsl;
    @Autowired Environment environment;

    TestTenant tenant;
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));

    @BeforeEach
    void tenant() {
        tenant = tenants.create();
    }

    <T> T in(java.util.function.Supplier<T> work) {
        return tenantScope.inTenant(tenant.id(), work);
    }

    @Test
    void dunningsEventOpensOneCasePerDebtorOnceAndPlacesALegalHold() {
        UUID debtor = in(() -> DunningFixtures.consumer(debtors, "Anna Smit", "nl", true));
        UUID first = in(() -> DunningFixtures.invoice(invoices, debtor, "300.00", today.minusDays(60)));
        UUID second = in(() -> DunningFixtures.invoice(invoices, debtor, "200.00", today.minusDays(40)));
        publish(new CollectionCaseRequested(tenant.id(), debtor, List.of(first), "flow/incasso/" + today));
        publish(new CollectionCaseRequested(tenant.id(), debtor, List.of(first), "flow/incasso/" + today));
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> in(() -> cases.openCaseOf(debtor)).isPresent());
        UUID caseId = in(() -> cases.openCaseOf(debtor)).orElseThrow().id();

        // the same request again (at-least-once delivery) changes nothing; a later request extends the open case
        assertThat(in(() -> cases.request(debtor, List.of(first), "flow/incasso/" + today))).contains(caseId);
        assertThat(in(() -> cases.request(debtor, List.of(second), "flow/incasso/" + today.plusDays(1))))
                .contains(caseId);

        var view = in(() -> cases.get(caseId));
        assertThat(view.stage()).isEqualTo(Stage.NEW);
        assertThat(view.claims()).isEqualTo(2);
        assertThat(view.open()).isEqualByComparingTo("500.00");
        assertThat(in(() -> dsl.fetchCount(dsl.selectOne().from("collection_case")))).isEqualTo(1);
        assertThat(in(() -> cases.stages(caseId))).extracting(CollectionCases.StageEntry::stage)
                .containsExactly(Stage.NEW);
        assertThat(in(() -> cases.stages(caseId)).getFirst().messageId()).as("the NEW stage's message").isNotNull();
        assertThat(in(() -> invoices.get(first).status())).isEqualTo(InvoiceStatus.IN_COLLECTION);
        assertThat(in(() -> holds.active(debtor))).extracting(LegalHolds.Hold::kind).containsExactly("collection.case");
    }

    @Test
    void twoConcurrentRunsMoveEachDueCaseExactlyOnce() throws Exception {
        List<UUID> caseIds = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID debtor = in(() -> DunningFixtures.business(debtors, "Bakkerij " + UUID.randomUUID(), List.of()));
            UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "1000.00", today.minusDays(50)));
            caseIds.add(in(() -> cases.request(debtor, List.of(invoice), "s/" + debtor)).orElseThrow());
        }
        LocalDate due = today.plusDays(14);
        CyclicBarrier barrier = new CyclicBarrier(2);
        Callable<Integer> run = () -> {
            barrier.await();
            int moved = 0;
            int batch;
            do {
                batch = tenantScope.inTenant(tenant.id(), () -> cases.advanceDue(due, 3));
                moved += batch;
            } while (batch > 0);
            return moved;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(run);
            Future<Integer> b = pool.submit(run);
            assertThat(a.get() + b.get()).isEqualTo(12);
        } finally {
            pool.shutdown();
        }
        for (UUID id : caseIds) {
            assertThat(in(() -> cases.get(id)).stage()).isEqualTo(Stage.REMINDER);
            assertThat(in(() -> cases.stages(id))).extracting(CollectionCases.StageEntry::stage)
                    .containsExactly(Stage.NEW, Stage.REMINDER);
        }
        // the same day again: nothing is due any more
        assertThat(in(() -> cases.advanceDue(due, 100))).isZero();
    }

    @Test
    void theNoticeOfDefaultChargesCostsOnTheScaleForABusinessOnTheSummedPrincipal() {
        UUID debtor = in(() -> DunningFixtures.business(debtors, "Garage Visser", List.of()));
        UUID a = in(() -> DunningFixtures.invoice(invoices, debtor, "1500.00", today.minusDays(70)));
        UUID b = in(() -> DunningFixtures.invoice(invoices, debtor, "1000.00", today.minusDays(60)));
        UUID caseId = in(() -> cases.request(debtor, List.of(a, b), "s1")).orElseThrow();
        in(() -> cases.advance(caseId));
        in(() -> cases.advance(caseId));
        var atDefault = in(() -> cases.advance(caseId));
        assertThat(atDefault.stage()).isEqualTo(Stage.NOTICE_OF_DEFAULT);
        // domain vector: EUR 2,500.00 -> EUR 375.00, split in proportion to the principals
        var entry = in(() -> cases.stages(caseId)).getLast();
        assertThat(entry.costs()).isEqualByComparingTo("375.00");
        assertThat(in(() -> invoices.get(a)).openCosts()).isEqualByComparingTo("225.00");
        assertThat(in(() -> invoices.get(b)).openCosts()).isEqualByComparingTo("150.00");
        // commercial interest was brought up to date at each stage and never charged twice for a day
        BigDecimal interest = in(() -> invoices.get(a)).openInterest();
        assertThat(interest).isPositive();
        in(() -> cases.advance(caseId));
        assertThat(in(() -> invoices.get(a)).openInterest()).isEqualByComparingTo(interest);
        assertThat(in(() -> invoices.get(a)).openCosts()).as("costs are charged once").isEqualByComparingTo("225.00");
    }

    @Test
    void aConsumerPaysCostsOnlyAfterAValidExpiredFourteenDayLetter() {
        UUID debtor = in(() -> DunningFixtures.consumer(debtors, "Kees Bos", "nl", true));
        UUID covered = in(() -> DunningFixtures.invoice(invoices, debtor, "1000.00", today.minusDays(70)));
        UUID uncovered = in(() -> DunningFixtures.invoice(invoices, debtor, "500.00", today.minusDays(65)));
        // dunning's evidence of a 14-day letter for the first invoice, sent 30 days ago, valid, term expired
        in(() -> letterEvidence(debtor, covered, new BigDecimal("1000.00"), new BigDecimal("150.00")));
        UUID caseId = in(() -> cases.request(debtor, List.of(covered, uncovered), "s1")).orElseThrow();
        for (int i = 0; i < 3; i++) {
            in(() -> cases.advance(caseId));
        }
        var entry = in(() -> cases.stages(caseId)).getLast();
        assertThat(entry.stage()).isEqualTo(Stage.NOTICE_OF_DEFAULT);
        assertThat(entry.costs()).as("scale on EUR 1,000.00 (domain vector), capped by the letter").isEqualByComparingTo("150.00");
        assertThat(entry.note()).contains("1 invoice(s) without an expired 14-day letter left out");
        assertThat(in(() -> invoices.get(covered)).openCosts()).isEqualByComparingTo("150.00");
        assertThat(in(() -> invoices.get(uncovered)).openCosts()).isZero();
    }

    @Test
    void aConsumerWithoutALetterIsChargedNoCosts() {
        UUID debtor = in(() -> DunningFixtures.consumer(debtors, "Piet Jansen", "en", true));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "800.00", today.minusDays(70)));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();
        for (int i = 0; i < 3; i++) {
            in(() -> cases.advance(caseId));
        }
        var entry = in(() -> cases.stages(caseId)).getLast();
        assertThat(entry.costs()).isZero();
        assertThat(entry.note()).contains("costs refused");
        assertThat(in(() -> invoices.get(invoice)).openCosts()).isZero();
    }

    @Test
    void payingTheClaimsClosesTheCaseAndReleasesTheHold() {
        UUID debtor = in(() -> DunningFixtures.consumer(debtors, "Els de Wit", "nl", true));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "250.00", today.minusDays(45)));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();
        in(() -> cases.advance(caseId));
        var inv = in(() -> invoices.get(invoice));
        in(() -> ledger.post(invoice, LedgerEntryKind.PAYMENT, inv.openPrincipal().negate(), inv.openCosts().negate(),
                inv.openInterest().negate(), today, "bank", null));
        await().atMost(java.time.Duration.ofMinutes(2)).until(() -> "CLOSED".equals(in(() -> cases.get(caseId)).status()));
        var closed = in(() -> cases.get(caseId));
        assertThat(closed.closeReason()).isEqualTo("PAID");
        assertThat(closed.nextStageOn()).isNull();
        assertThat(in(() -> holds.active(debtor))).isEmpty();
        assertThatThrownBy(() -> in(() -> cases.advance(caseId))).isInstanceOf(BusinessRuleException.class);
        // a new request after closing opens a new case
        UUID later = in(() -> DunningFixtures.invoice(invoices, debtor, "90.00", today.minusDays(30)));
        Optional<UUID> reopened = in(() -> cases.request(debtor, List.of(later), "s2"));
        assertThat(reopened).isPresent().get().isNotEqualTo(caseId);
    }

    @Test
    void aCreditManagerWithdrawsACaseWithAReasonOnceAndItsClaimsAndHoldAreReleased() {
        UUID debtor = in(() -> DunningFixtures.business(debtors, "Withdraw Handel BV", List.of()));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "410.00", today.minusDays(45)));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();
        assertThat(in(() -> invoices.get(invoice)).status()).isEqualTo(InvoiceStatus.IN_COLLECTION);
        String path = "/api/v1/collection-cases/" + caseId + "/withdrawal";

        // no reason, or one not on the list: 400 naming the field, nothing changes
        var missing = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body("{}").retrieve()
                .toEntity(String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).contains("reason");
        assertThat(withdraw(path, "{\"reason\":\"BORED\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(in(() -> cases.get(caseId)).status()).isEqualTo("OPEN");
        // a collector's key (collection:write, not collection:approve) may not withdraw
        RestClient collector = tenants.apiWithScopes(tenant, Set.of("collection:read", "collection:write"));
        assertThat(collector.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"UNCOLLECTABLE\"}").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(403);

        var done = withdraw(path, "{\"reason\":\"SETTLED_DIRECTLY\"}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
        var closed = in(() -> cases.get(caseId));
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.closeReason()).isEqualTo("WITHDRAWN:SETTLED_DIRECTLY");
        assertThat(closed.nextStageOn()).isNull();
        assertThat(in(() -> holds.active(debtor))).isEmpty();
        assertThat(in(() -> invoices.get(invoice)).status()).as("back to an ordinary open invoice")
                .isEqualTo(InvoiceStatus.OPEN);

        // again: the same answer, no second closing
        var again = withdraw(path, "{\"reason\":\"SETTLED_DIRECTLY\"}");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(in(() -> cases.get(caseId)).closedAt()).isEqualTo(closed.closedAt());
        assertThat(auditCount(caseId, "collection.case-withdrawn")).isEqualTo(1);
        assertThat(auditCount(caseId, "collection.case-closed")).isEqualTo(1);
        assertThatThrownBy(() -> in(() -> cases.advance(caseId))).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aPaidCaseCannotBeWithdrawn() {
        UUID debtor = in(() -> DunningFixtures.business(debtors, "Betaald BV", List.of()));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "80.00", today.minusDays(45)));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();
        var inv = in(() -> invoices.get(invoice));
        in(() -> ledger.post(invoice, LedgerEntryKind.PAYMENT, inv.openPrincipal().negate(), BigDecimal.ZERO,
                BigDecimal.ZERO, today, "bank", null));
        // the ledger's InvoiceSettled event closes the case asynchronously (CaseListeners); whichever comes first,
        // the case ends closed as paid exactly once
        in(() -> cases.closeIfPaid(caseId, "PAID"));
        assertThat(in(() -> cases.get(caseId)).status()).isEqualTo("CLOSED");
        assertThat(auditCount(caseId, "collection.case-closed")).isEqualTo(1);
        var refused = withdraw("/api/v1/collection-cases/" + caseId + "/withdrawal", "{\"reason\":\"UNCOLLECTABLE\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(in(() -> cases.get(caseId)).closeReason()).isEqualTo("PAID");
    }

    private org.springframework.http.ResponseEntity<String> withdraw(String path, String body) {
        return tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    private int auditCount(UUID caseId, String action) {
        return Superuser.jdbc(environment).sql("""
                select (select count(*) from audit_pending where tenant_id = :t and action = :a and object_id = :o)
                     + (select count(*) from audit_entry where tenant_id = :t and action = :a and object_id = :o)""")
                .param("t", tenant.id()).param("a", action).param("o", caseId.toString()).query(Integer.class).single();
    }

    @Test
    void anotherTenantSeesNoCase() {
        UUID debtor = in(() -> DunningFixtures.business(debtors, "Smederij Kok", List.of()));
        UUID invoice = in(() -> DunningFixtures.invoice(invoices, debtor, "100.00", today.minusDays(45)));
        UUID caseId = in(() -> cases.request(debtor, List.of(invoice), "s1")).orElseThrow();
        TestTenant other = tenants.create();
        assertThatThrownBy(() -> tenantScope.inTenant(other.id(), () -> cases.get(caseId)))
                .isInstanceOf(io.creditflow.platform.NotFoundException.class);
        assertThat(tenantScope.inTenant(other.id(), () -> cases.list(CollectionCases.Filter.ALL, null, 50)).items())
                .isEmpty();
        assertThat(tenantScope.inTenant(other.id(), () -> cases.advanceDue(today.plusYears(1), 100))).isZero();
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private int letterEvidence(UUID debtor, UUID invoice, BigDecimal principal, BigDecimal stated) {
        UUID letter = UUID.randomUUID();
        dsl.execute("""
                insert into dunning_letter (tenant_id, id, debtor_id, action_date, message_id, channel, status,
                       debtor_type, principal, stated_costs, costs_excl_vat, vat, vat_declared, latest_due_date,
                       term_days, sent_at, assumed_delivery, deadline, delivery_rule, valid, assessment)
                values (current_tenant(), {0}, {1}, {2}, {3}, 'EMAIL', 'SENT', 'CONSUMER', {4}, {5}, {5}, 0, false,
                        {6}, 14, now() - interval '30 days', {7}, {8}, 'e-mail: same day', true, 'valid')""",
                letter, debtor, today.minusDays(30), UUID.randomUUID(), principal, stated, today.minusDays(70),
                today.minusDays(30), today.minusDays(15));
        return dsl.execute("insert into dunning_letter_invoice (tenant_id, letter_id, invoice_id, principal) "
                + "values (current_tenant(), {0}, {1}, {2})", letter, invoice, principal);
    }
}
