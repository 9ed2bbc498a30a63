package io.creditflow.payments.reconciliation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Cluster-safe jobs (db-scheduler): interrupted imports, and matching the waiting payments again. */
@Configuration(proxyBeanMethods = false)
class ReconciliationJobs {

    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);
    static final Duration REMATCH_WINDOW = Duration.ofDays(90);

    /** Tenants with work for the payments jobs, found through a security-definer function (no tenant is set yet). */
    static List<UUID> tenants(DSLContext dsl) {
        return dsl.resultQuery("select * from payments_tenants_with_work()").fetch(0, UUID.class);
    }

    @Bean
    RecurringTask<Void> paymentsInterruptedImports(DSLContext dsl, TenantScope tenantScope, StatementImports imports,
                                                   Clock clock) {
        return Tasks.recurring("payments-interrupted-imports", FixedDelay.ofMinutes(5))
                .execute((instance, context) -> {
                    OffsetDateTime before = OffsetDateTime.now(clock).minus(INTERRUPTED_AFTER);
                    for (UUID tenant : tenants(dsl)) {
                        tenantScope.inTenant(tenant, () -> imports.failInterrupted(before));
                    }
                });
    }

    @Bean
    RecurringTask<Void> paymentsRematch(DSLContext dsl, TenantScope tenantScope, Rematching rematching, Clock clock) {
        return Tasks.recurring("payments-rematch", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    OffsetDateTime since = OffsetDateTime.now(clock).minus(REMATCH_WINDOW);
                    for (UUID tenant : tenants(dsl)) {
                        tenantScope.inTenant(tenant, () -> rematching.rematch(since));
                    }
                });
    }
}
