package io.creditflow.platform;

import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * Runs statements with plans made for their values ({@code plan_cache_mode = force_custom_plan}), then returns the
 * transaction to PostgreSQL's default. For a bulk writer's own lookups with many values (an IN list of a batch's
 * invoice numbers): as a prepared statement it would switch to a generic plan after five runs, costed on the
 * statistics of the still-small table, and scan the tenant's growing rows once per batch. Not for statements whose
 * foreign-key checks matter: forcing custom plans re-plans every row's check, and a check planned for the values of
 * a tenant the statistics do not know yet picks the wrong index (see {@link PlannerStatistics}).
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    public static <T> T around(DSLContext dsl, Supplier<T> statements) {
        dsl.execute("set local plan_cache_mode = force_custom_plan");
        try {
            return statements.get();
        } finally {
            dsl.execute("set local plan_cache_mode to default");
        }
    }
}
