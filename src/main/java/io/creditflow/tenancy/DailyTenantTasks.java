package io.creditflow.tenancy;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A daily job per tenant, cluster-safe: at the given time one node (db-scheduler) schedules the one-time task once per
 * active tenant, as an instance named after tenant and date, so it exists once however many nodes try; an instance
 * whose node dies is revived on another.
 */
public final class DailyTenantTasks {

    private DailyTenantTasks() {
    }

    /**
     * @param data the instance's data for a tenant and day (what {@code perTenant} parses)
     */
    public static RecurringTask<Void> daily(String name, LocalTime at, Clock clock, Tenants tenants,
                                            OneTimeTask<String> perTenant, BiFunction<UUID, LocalDate, String> data) {
        return Tasks.recurring(name, Schedules.daily(clock.getZone(), at)).execute((instance, context) -> {
            LocalDate today = LocalDate.now(clock);
            for (UUID tenant : tenants.activeIds()) {
                context.getSchedulerClient().scheduleIfNotExists(
                        perTenant.instance(tenant + ":" + today, data.apply(tenant, today)), Instant.now());
            }
        });
    }
}
