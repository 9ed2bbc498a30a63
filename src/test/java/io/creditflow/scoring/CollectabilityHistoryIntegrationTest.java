package io.creditflow.scoring;

import io.creditflow.privacy.Restrictions;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.history.CollectabilityFeatures;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collectability cases from the ledger, computed AS OF each case's date with a pinned clock: a payment booked later
 * (even one whose value date is after the case) changes no feature of the earlier case, only the outcome it is
 * trained to predict.
 */
@CreditflowTest
class CollectabilityHistoryIntegrationTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    TestTenants tenants;
    @Autowired
    DSLContext dsl;
    @Autowired
    Ledger ledger;
    @Autowired
    Restrictions restrictions;

    TestTenant tenant;
    UUID debtor;
    UUID x;
    UUID y;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        debtor = id(post("/api/v1/debtors", """
                {"externalId":"D-1","type":"BUSINESS","name":"Bakkerij Test B.V.","chamberOfCommerce":"12345678"}"""));
        x = invoice("X-1", "2026-01-01", "2026-01-31", "100.00");
        y = invoice("Y-1", "2026-02-01", "2026-03-01", "200.00");
        pay(y, "200.00", "2026-03-20");
    }

    @Test
    void aLaterPaymentOfAnotherInvoiceDoesNotLeakIntoAnEarlierCase() {
        CollectabilityFeatures.TrainingSet before = trainingSet(LocalDate.of(2026, 6, 1));
        int yDue = before.row(y, LocalDate.of(2026, 3, 1));
        assertThat(yDue).isNotNegative();
        Map<String, Object> featuresBefore = features(before.data(), yDue);
        assertThat(featuresBefore).containsEntry("debtor_paid", 0.0).containsEntry("debtor_overdue_invoices", 1.0)
                .containsEntry("debtor_max_days_overdue", 29.0).containsEntry("open_amount", 200.0)
                .containsEntry("days_past_due", 0.0).containsEntry("debtor_other_open", 100.0);
        assertThat(featuresBefore.get("debtor_avg_days_late")).as("no settled history yet").isNull();

        // X is paid on 15 March, after Y's case of 1 March, and booked only now
        pay(x, "100.00", "2026-03-15");
        CollectabilityFeatures.TrainingSet after = trainingSet(LocalDate.of(2026, 6, 1));
        assertThat(features(after.data(), after.row(y, LocalDate.of(2026, 3, 1)))).isEqualTo(featuresBefore);

        // a case after the payment does see it
        CollectabilityFeatures.TrainingSet withLaterCase = trainingSet(LocalDate.of(2026, 6, 1));
        assertThat(withLaterCase.row(x, LocalDate.of(2026, 1, 31))).isNotNegative();
        int xDue = withLaterCase.row(x, LocalDate.of(2026, 1, 31));
        assertThat(withLaterCase.data().bad()[xDue]).as("paid 43 days after due: not within 30").isTrue();
        assertThat(after.data().bad()[after.row(y, LocalDate.of(2026, 3, 1))]).as("paid within 19 days").isFalse();
    }

    @Test
    void casesWhoseHorizonHasNotPassedAreNotTrainedOn() {
        CollectabilityFeatures.TrainingSet early = trainingSet(LocalDate.of(2026, 3, 20));
        // only cases dated up to 20 Feb have a known 30-day outcome on 20 March
        assertThat(early.asOf()).allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(LocalDate.of(2026, 2, 18)));
        assertThat(early.row(y, LocalDate.of(2026, 3, 1))).isNegative();
        assertThat(early.to()).isEqualTo(LocalDate.of(2026, 2, 18));
    }

    @Test
    void servingFeaturesUseOnlyWhatIsKnownToday() {
        pay(x, "40.00", "2026-03-15");
        CollectabilityFeatures on10March = new CollectabilityFeatures(dsl, pinned(LocalDate.of(2026, 3, 10)));
        CollectabilityFeatures.Case xOn10March = tenants.inTenant(tenant, () -> on10March.openInvoices(List.of(x)))
                .getFirst();
        assertThat(xOn10March.features()).containsEntry("open_amount", 100.0).containsEntry("partial_payments", 0.0)
                .containsEntry("days_past_due", 38.0);
        CollectabilityFeatures on20March = new CollectabilityFeatures(dsl, pinned(LocalDate.of(2026, 3, 20)));
        CollectabilityFeatures.Case xOn20March = tenants.inTenant(tenant, () -> on20March.openInvoices(List.of(x)))
                .getFirst();
        assertThat(xOn20March.features()).containsEntry("open_amount", 60.0).containsEntry("partial_payments", 1.0)
                .containsEntry("debtor_paid", 1.0).containsEntry("debtor_last_days_late", 19.0);
        assertThat(xOn20March.openAmount()).isEqualByComparingTo("60.00");
    }

    @Test
    void restrictedDebtorsAreNeitherTrainedOnNorServed() {
        tenants.inTenant(tenant, () -> {
            restrictions.restrict(debtor, "objection");
            return null;
        });
        assertThat(trainingSet(LocalDate.of(2026, 6, 1)).data().rows()).isZero();
        CollectabilityFeatures today = new CollectabilityFeatures(dsl, pinned(LocalDate.of(2026, 3, 10)));
        assertThat(tenants.inTenant(tenant, () -> today.openInvoices(List.of(x)))).isEmpty();
    }

    private CollectabilityFeatures.TrainingSet trainingSet(LocalDate today) {
        CollectabilityFeatures features = new CollectabilityFeatures(dsl, pinned(today));
        return tenants.inTenant(tenant, () -> features.trainingSet(LocalDate.of(2025, 1, 1), today, 30));
    }

    private static Clock pinned(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).atZone(AMSTERDAM).toInstant(), AMSTERDAM);
    }

    private static Map<String, Object> features(Dataset data, int row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column column : data.columns()) {
            switch (column) {
                case Column.Numeric n -> values.put(n.name(), n.isMissing(row) ? null : n.values()[row]);
                case Column.Categorical c -> values.put(c.name(), c.values()[row]);
            }
        }
        return values;
    }

    private void pay(UUID invoice, String amount, String date) {
        tenants.inTenant(tenant, () -> ledger.post(invoice, LedgerEntryKind.PAYMENT, new BigDecimal(amount).negate(),
                BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.parse(date), "bank", null));
    }

    private UUID invoice(String number, String issued, String due, String amount) {
        return id(post("/api/v1/invoices", """
                {"debtorExternalId":"D-1","number":"%s","issueDate":"%s","dueDate":"%s","currency":"EUR","amount":"%s"}"""
                .formatted(number, issued, due, amount)));
    }

    private tools.jackson.databind.JsonNode post(String path, String json) {
        var response = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(tools.jackson.databind.JsonNode.class);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return response.getBody();
    }

    private static UUID id(tools.jackson.databind.JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
