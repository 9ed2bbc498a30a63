package io.creditflow.scoring;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.FlowFormat;
import io.creditflow.dunning.Flows;
import io.creditflow.dunning.ScoreBandProvider;
import io.creditflow.privacy.Restrictions;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dunning steps conditioned on a score band fire only for debtors in that band: the bands come from the tenant's
 * active collectability model through {@link ScoreBandProvider}, per debtor the band of its worst open invoice.
 */
@CreditflowTest
class ScoreBandDunningIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired ScoringModels models;
    @Autowired ScoreBandProvider bands;
    @Autowired Flows flows;
    @Autowired DunningRuns runs;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Restrictions restrictions;
    @Autowired DSLContext dsl;
    @Autowired Clock clock;

    @Test
    void aStepForBandEFiresOnlyForTheDebtorInBandE() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            UUID flow = flows.save(FlowFormat.parse("""
                    key: by-band
                    name: Call the riskiest
                    steps:
                      - key: call-band-e
                        offsetDays: 1
                        when:
                          scoreBands: [E]
                        actions:
                          - type: CALL_TASK
                    """), null).flowId();
            flows.addRule(0, null, null, flow);
            UUID fresh = DunningFixtures.consumer(debtors, "Anna Vos", "nl", true);
            UUID old = DunningFixtures.consumer(debtors, "Bert Kok", "nl", true);
            UUID restricted = DunningFixtures.consumer(debtors, "Cor Lam", "nl", true);
            DunningFixtures.invoice(invoices, fresh, "100.00", today.minusDays(3));
            DunningFixtures.invoice(invoices, old, "100.00", today.minusDays(190));
            DunningFixtures.invoice(invoices, restricted, "100.00", today.minusDays(190));
            return List.of(fresh, old, restricted);
        });
        UUID fresh = ids.get(0);
        UUID old = ids.get(1);
        UUID restricted = ids.get(2);

        assertThat(tenants.inTenant(tenant, () -> bands.bandsOf(ids))).as("no active model: everyone NONE").isEmpty();
        tenants.inTenant(tenant, () -> {
            ScoringFixtures.champion(models, Purpose.COLLECTABILITY, overdueRisk(7, 3000));
            restrictions.restrict(restricted, "objection");
            return null;
        });
        Map<UUID, String> byDebtor = tenants.inTenant(tenant, () -> bands.bandsOf(ids));
        assertThat(byDebtor).containsEntry(fresh, "A").containsEntry(old, "E")
                .as("a restricted debtor is not scored").doesNotContainKey(restricted);

        runs.run(tenant.id(), today, "TEST");
        Map<UUID, String> done = tenants.inTenant(tenant, () -> dsl.resultQuery("""
                select i.debtor_id, a.status from dunning_action a join invoice i on i.id = a.invoice_id
                 where a.step_key = 'call-band-e'""").fetchMap(r -> r.get(0, UUID.class), r -> r.get(1, String.class)));
        assertThat(done).containsOnlyKeys(old).containsEntry(old, "DONE");
    }

    /** Collectability cases whose risk of not being paid rises with the days past due. */
    static Dataset overdueRisk(long seed, int rows) {
        Random random = new Random(seed);
        double[] daysPastDue = new double[rows];
        boolean[] bad = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            daysPastDue[r] = random.nextInt(200);
            bad[r] = random.nextDouble() < 1 / (1 + Math.exp(-(-3 + daysPastDue[r] / 30)));
        }
        return new Dataset(List.of(new Column.Numeric("days_past_due", daysPastDue)), "bad", bad);
    }
}
