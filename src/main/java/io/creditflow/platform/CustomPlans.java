package io.creditflow.platform;

import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * Runs statements with plans made for their values ({@code plan_cache_mode = force_custom_plan}), then returns the
 * transaction to PostgreSQL's default. For bulk work on tables that grow during it: a prepared statement, or the
 * foreign-key check PostgreSQL prepares per connection, switches to a generic plan after five runs, costed on the
 * statistics of the still-small table, and then scans the tenant's growing rows once per execution. Scoped to the
 * statements that need it: forcing custom plans for a whole bulk transaction also re-plans every other row's checks,
 * which measured worse (see {@code receivables.BulkIntake}).
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

    public static void around(DSLContext dsl, Runnable statements) {
        around(dsl, () -> {
            statements.run();
            return null;
        });
    }
}
