package io.creditflow.scoring;

import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.monitoring.ScoreLog;
import io.creditflow.scoring.monitoring.StabilityMonitor;
import io.creditflow.scoring.monitoring.StabilityReport;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stability monitor: a population like the training one is stable, a shifted one raises the drift alert. */
@CreditflowTest
class StabilityMonitorIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ScoringModels models;
    @Autowired
    Scoring scoring;
    @Autowired
    ScoreLog scoreLog;
    @Autowired
    StabilityMonitor monitor;

    @Test
    void aShiftedPopulationRaisesTheAlertInTheConsole() {
        TestTenant tenant = tenants.create();
        ModelCard champion = tenants.inTenant(tenant, () -> ScoringFixtures.champion(models, Purpose.ACCEPTANCE,
                ScoringFixtures.loans(7, 1500)));

        score(tenant, ScoringFixtures.loans(99, 300), 0);
        List<StabilityMonitor.Measurement> first = tenants.inTenant(tenant, () -> monitor.measure());
        assertThat(first).singleElement().satisfies(m -> {
            assertThat(m.modelId()).isEqualTo(champion.id());
            assertThat(m.population()).isEqualTo(300);
            assertThat(m.psi()).isLessThan(0.1);
            assertThat(m.status()).isEqualTo(StabilityReport.Status.STABLE);
        });
        assertThat(tenants.inTenant(tenant, () -> monitor.alerts())).isEmpty();

        // applicants with 1500 less income: the score distribution moves down
        score(tenant, ScoringFixtures.loans(100, 900), -1500);
        monitor.measureAllTenants();
        List<StabilityMonitor.Measurement> history = tenants.inTenant(tenant, () -> monitor.history(champion.id(), 10));
        assertThat(history).hasSize(2);
        assertThat(history.getLast().psi()).isGreaterThan(0.25);
        assertThat(history.getLast().status()).isEqualTo(StabilityReport.Status.DRIFTED);
        assertThat(tenants.inTenant(tenant, () -> monitor.alerts())).singleElement()
                .satisfies(a -> assertThat(a.modelId()).isEqualTo(champion.id()));

        ConsoleSession console = new ConsoleSession(tenant.baseUrl());
        console.login(tenant.user(io.creditflow.tenancy.Role.VIEWER), TestTenants.PASSWORD);
        String monitoring = console.get("/console/scoring-monitoring?lang=en").body();
        assertThat(monitoring).contains("Model drift").contains("data-chart").contains("role=\"alert\"");
        assertThat(console.get("/console/scoring").body()).contains("Model drift");
        assertThat(console.get("/console/scoring-monitoring?lang=nl").body()).contains("Modeldrift");
    }

    private void score(TestTenant tenant, Dataset data, double incomeShift) {
        Column.Numeric income = (Column.Numeric) data.column("income").orElseThrow();
        tenants.inTenant(tenant, () -> {
            for (int r = 0; r < data.rows(); r++) {
                var values = new java.util.HashMap<String, Object>(data.row(r));
                if (!income.isMissing(r)) {
                    values.put("income", income.values()[r] + incomeShift);
                }
                scoring.score(Purpose.ACCEPTANCE, values, null, "test");
            }
            return null;
        });
        scoreLog.flush();
    }
}
