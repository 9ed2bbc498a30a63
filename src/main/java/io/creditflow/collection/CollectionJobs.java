package io.creditflow.collection;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.creditflow.platform.TenantScope;
import io.creditflow.tenancy.DailyTenantTasks;
import io.creditflow.tenancy.Tenants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * The daily stage advance, the same pattern as dunning's run: at the configured time one node (db-scheduler) schedules
 * one task instance per active tenant and date ({@code scheduleIfNotExists}: it exists once however many nodes try);
 * the instance moves due cases in batches of 200, each batch a transaction claiming its rows with SKIP LOCKED. A node
 * dying mid-run leaves the rest for the revived instance; nothing moves twice (see {@link CollectionCases#advanceDue}).
 */
@Configuration(proxyBeanMethods = false)
class CollectionJobs {

    static final String ADVANCE_TASK = "collection-advance";

    @Bean
    OneTimeTask<String> collectionAdvanceTask(CollectionCases cases, TenantScope tenantScope) {
        return Tasks.oneTime(ADVANCE_TASK, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1), 2.0))
                .execute((instance, context) -> {
                    String[] parts = instance.getData().split("\\|");
                    UUID tenant = UUID.fromString(parts[0]);
                    LocalDate day = LocalDate.parse(parts[1]);
                    while (tenantScope.inTenant(tenant, () -> cases.advanceDue(day, 200)) > 0) {
                        // next batch
                    }
                });
    }

    @Bean
    RecurringTask<Void> collectionDaily(Tenants tenants, Clock clock,
                                        @Value("${creditflow.collection.daily-run-time:07:00}") LocalTime at,
                                        OneTimeTask<String> collectionAdvanceTask) {
        return DailyTenantTasks.daily("collection-daily", at, clock, tenants, collectionAdvanceTask,
                (tenant, day) -> tenant + "|" + day);
    }
}
