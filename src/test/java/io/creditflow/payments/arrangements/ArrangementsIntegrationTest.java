package io.creditflow.payments.arrangements;

import io.creditflow.payments.CamtFile;
import io.creditflow.payments.PaymentArrangements;
import io.creditflow.payments.PaymentPlanBreached;
import io.creditflow.payments.PaymentPlanInstalmentDue;
import io.creditflow.payments.PaymentsApi;
import io.creditflow.payments.PromiseToPayBroken;
import io.creditflow.payments.PromiseToPayKept;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans and promises reviewed on pinned days: the review takes the day as an argument, the job passes the clock's. */
@CreditflowTest
@RecordApplicationEvents
class ArrangementsIntegrationTest {

    static final String OWN = "NL91ABNA0417164300";

    @Autowired
    TestTenants tenants;
    @Autowired
    ArrangementReview review;
    @Autowired
    PaymentArrangements arrangements;
    @Autowired
    ApplicationEvents events;
    @Autowired
    io.creditflow.payments.PaymentPlans plansBean;

    TestTenants.TestTenant tenant;
    PaymentsApi api;
    String debtorId;
    JsonNode big;
    JsonNode small;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        api = new PaymentsApi(tenant);
        debtorId = api.debtor("P-1", "Plannen B.V.", OWN).get("id").asString();
        big = api.invoice("P-1", "PL-1", "300.00", "2029-12-01");
        small = api.invoice("P-1", "PL-2", "100.00", "2029-12-01");
    }

    @Test
    void aPlanPausesDunningCountsEveryPaymentAndIsBreachedAfterTheGracePeriod() {
        JsonNode plan = api.post("/api/v1/payment-plans", """
                {"debtorId":"%s","invoiceIds":["%s","%s"],"instalments":4,"firstDueDate":"2030-01-10",
                 "frequency":"MONTHLY","agreed":true}""".formatted(debtorId, id(big), id(small))).getBody();
        assertThat(plan.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(plan.get("instalments").get(0).get("amount").asString()).isEqualTo("100.00");
        UUID invoice = UUID.fromString(id(big));
        var pause = inTenant(() -> arrangements.pauseFor(invoice, LocalDate.of(2030, 1, 1))).orElseThrow();
        assertThat(pause.kind()).isEqualTo(PaymentArrangements.Pause.Kind.PAYMENT_PLAN);
        assertThat(pause.until()).isEqualTo(LocalDate.of(2030, 4, 15));

        var early = inTenant(() -> review.review(LocalDate.of(2030, 1, 6)));
        assertThat(early.instalmentsNoticed()).isEqualTo(1);
        assertThat(events.stream(PaymentPlanInstalmentDue.class)).hasSize(1);
        assertThat(inTenant(() -> review.review(LocalDate.of(2030, 1, 7))).instalmentsNoticed()).isZero();

        api.upload("jan.xml", CamtFile.statement().credit("PLAN-1", "100.00",
                big.get("paymentReference").asString(), null, "Plannen BV", OWN).bytes());
        var openNow = inTenant(() -> plansBean.openInstalments(LocalDate.of(2030, 2, 10)));
        assertThat(openNow).as("January paid, February open for dunning").singleElement()
                .satisfies(i -> assertThat(i.number()).isEqualTo(2))
                .satisfies(i -> assertThat(i.open()).isEqualByComparingTo("100.00"));
        assertThat(inTenant(() -> plansBean.invoicesUnderActivePlans())).hasSize(2);
        var january = inTenant(() -> review.review(LocalDate.of(2030, 1, 20)));
        assertThat(january.breached()).isZero();
        JsonNode afterJanuary = api.get("/api/v1/payment-plans/" + plan.get("id").asString());
        assertThat(afterJanuary.get("paid").asString()).isEqualTo("100.00");
        assertThat(afterJanuary.get("instalments").get(0).get("status").asString()).isEqualTo("PAID");

        assertThat(inTenant(() -> review.review(LocalDate.of(2030, 2, 15))).breached()).as("within grace").isZero();
        var february = inTenant(() -> review.review(LocalDate.of(2030, 2, 16)));
        assertThat(february.breached()).isEqualTo(1);
        assertThat(events.stream(PaymentPlanBreached.class)).singleElement()
                .satisfies(e -> assertThat(e.remaining()).isEqualByComparingTo("300.00"));
        assertThat(api.get("/api/v1/payment-plans/" + plan.get("id").asString()).get("status").asString())
                .isEqualTo("BREACHED");
        assertThat(inTenant(() -> arrangements.pauseFor(invoice, LocalDate.of(2030, 2, 17)))).isEmpty();
    }

    @Test
    void aPromiseIsKeptWhenPaidAndBrokenWhenTheDatePasses() {
        JsonNode kept = api.post("/api/v1/promises-to-pay", """
                {"debtorId":"%s","invoiceIds":["%s"],"amount":"100.00","promisedDate":"2030-03-01","channel":"PHONE"}"""
                .formatted(debtorId, id(small))).getBody();
        assertThat(kept.get("pausedUntil").asString()).isEqualTo("2030-03-04");
        JsonNode broken = api.post("/api/v1/promises-to-pay", """
                {"debtorId":"%s","invoiceIds":["%s"],"amount":"300.00","promisedDate":"2030-03-01"}"""
                .formatted(debtorId, id(big))).getBody();
        assertThat(inTenant(() -> review.review(LocalDate.of(2030, 3, 4))).promisesBroken()).isZero();

        api.upload("mar.xml", CamtFile.statement().credit("PROM-1", "100.00",
                small.get("paymentReference").asString(), null, "Plannen BV", OWN).bytes());
        var outcome = inTenant(() -> review.review(LocalDate.of(2030, 3, 5)));
        assertThat(outcome.promisesKept()).isEqualTo(1);
        assertThat(outcome.promisesBroken()).isEqualTo(1);
        assertThat(events.stream(PromiseToPayKept.class)).singleElement()
                .satisfies(e -> assertThat(e.promiseId().toString()).isEqualTo(kept.get("id").asString()));
        assertThat(events.stream(PromiseToPayBroken.class)).singleElement()
                .satisfies(e -> assertThat(e.promiseId().toString()).isEqualTo(broken.get("id").asString()));
    }

    @Test
    void invoicesOfAnotherDebtorOrAlreadyPlannedAreRefused() {
        api.debtor("P-2", "Ander B.V.", "NL86INGB0002445588");
        JsonNode other = api.invoice("P-2", "PL-9", "50.00", "2029-12-01");
        var refused = api.post("/api/v1/payment-plans", """
                {"debtorId":"%s","invoiceIds":["%s"],"instalments":2,"firstDueDate":"2030-01-10"}"""
                .formatted(debtorId, id(other)));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        api.post("/api/v1/payment-plans", """
                {"debtorId":"%s","invoiceIds":["%s"],"instalments":2,"firstDueDate":"2030-01-10"}"""
                .formatted(debtorId, id(big)));
        var twice = api.post("/api/v1/payment-plans", """
                {"debtorId":"%s","invoiceIds":["%s"],"instalments":2,"firstDueDate":"2030-01-10"}"""
                .formatted(debtorId, id(big)));
        assertThat(twice.getStatusCode().value()).isEqualTo(422);
        assertThat(twice.getBody().get("detail").asString()).contains("already in a running plan");
    }

    private static String id(JsonNode node) {
        return node.get("id").asString();
    }

    private <T> T inTenant(java.util.function.Supplier<T> work) {
        return tenants.inTenant(tenant, work);
    }
}
