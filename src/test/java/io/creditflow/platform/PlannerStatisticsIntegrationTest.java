package io.creditflow.platform;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CreditflowTest
class PlannerStatisticsIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlannerStatistics statistics;

    /**
     * The point of refreshing inside a bulk transaction: before, the planner guesses the new tenant's rows from the
     * other tenants; after, it counts the transaction's own uncommitted rows.
     */
    @Test
    void aTransactionsOwnUncommittedRowsReachThePlanner() {
        TestTenant tenant = tenants.create();
        long[] estimates = new long[2];
        assertThatThrownBy(() -> tenantScope.inTenant(tenant.id(), () -> {
            dsl.execute("""
                    insert into debtor (tenant_id, id, external_id, type, profile, profile_digest)
                    select current_tenant(), gen_random_uuid(), 'PS-' || n, 'BUSINESS', '\\x00', '\\x00'
                      from generate_series(1, 3000) n""");
            estimates[0] = estimate(tenant);
            statistics.refresh("debtor");
            estimates[1] = estimate(tenant);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(estimates[0]).as("estimate before the refresh").isLessThan(1_000);
        assertThat(estimates[1]).as("estimate after the refresh").isBetween(2_000L, 4_500L);
        assertThat(tenantScope.inTenant(tenant.id(), () -> dsl.fetchCount(dsl.selectFrom("debtor"))))
                .as("rolled back: the refresh kept nothing").isZero();
    }

    @ParameterizedTest
    @CsvSource({"tenant", "pg_class", "no_such_table", "debtor; drop table debtor"})
    void onlyTenantTablesAreAnalyzed(String table) {
        TestTenant tenant = tenants.create();
        assertThatThrownBy(() -> tenantScope.inTenant(tenant.id(), () -> statistics.refresh(table)))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("not a tenant table");
        assertThat(dsl.fetchExists(dsl.selectFrom("pg_class").where("relname = 'debtor'"))).isTrue();
    }

    @Test
    void staleTablesAreAnalyzedAndNamed() {
        List<String> done = statistics.refreshStale();
        List<String> notTenantTables = new ArrayList<>();
        for (String table : done) {
            if (!dsl.fetchExists(dsl.selectOne().from("information_schema.columns")
                    .where("table_schema = 'public' and table_name = {0} and column_name = 'tenant_id'", table))) {
                notTenantTables.add(table);
            }
        }
        assertThat(notTenantTables).isEmpty();
    }

    @Test
    void growthIsDueAtTheFirstThresholdThenAtEachFourfold() {
        PlannerStatistics.Growth growth = PlannerStatistics.growth(100);
        List<Long> dueAt = new ArrayList<>();
        for (int batch = 0; batch < 200; batch++) {
            if (growth.add(10)) {
                dueAt.add(growth.written());
            }
        }
        assertThat(dueAt).containsExactly(100L, 400L, 1_600L);
        assertThat(PlannerStatistics.growth(10).add(1_000)).isTrue();
        assertThatThrownBy(() -> PlannerStatistics.growth(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private long estimate(TestTenant tenant) {
        String plan = dsl.fetchSingle("explain (format json) select 1 from debtor where tenant_id = {0}::uuid",
                tenant.id().toString()).get(0, String.class);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Plan Rows\": (\\d+)").matcher(plan);
        assertThat(m.find()).as(plan).isTrue();
        return Long.parseLong(m.group(1));
    }
}
