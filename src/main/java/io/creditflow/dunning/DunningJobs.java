package io.creditflow.dunning;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
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
 * The daily dunning: at the configured time one node (db-scheduler) schedules a run per active tenant, each a task
 * instance named after tenant and date, so it exists once however many nodes try; a run whose node dies is revived
 * on another, and a failed run is retried with backoff.
 */
@Configuration(proxyBeanMethods = false)
class DunningJobs {

    static final String RUN_TASK = "dunning-run";

    @Bean
    OneTimeTask<String> dunningRunTask(DunningRuns runs) {
        return Tasks.oneTime(RUN_TASK, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1), 2.0))
                .execute((instance, context) -> {
                    String[] parts = instance.getData().split("\\|");
                    runs.run(UUID.fromString(parts[0]), LocalDate.parse(parts[1]), parts[2]);
                });
    }

    @Bean
    RecurringTask<Void> dunningDaily(Tenants tenants, Clock clock,
                                     @Value("${creditflow.dunning.daily-run-time:06:00}") LocalTime at,
                                     OneTimeTask<String> dunningRunTask) {
        return DailyTenantTasks.daily("dunning-daily", at, clock, tenants, dunningRunTask,
                (tenant, day) -> tenant + "|" + day + "|SCHEDULED");
    }
}
