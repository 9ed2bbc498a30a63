package io.creditflow.privacy.lifecycle;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import io.creditflow.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalTime;
import java.util.UUID;

/** The retention schedules of every active tenant, enforced once a day (db-scheduler: once across all nodes). */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    @Bean
    RecurringTask<Void> privacyRetention(RetentionRuns runs, Tenants tenants, Clock clock) {
        return Tasks.recurring("privacy-retention", new Daily(clock.getZone(), LocalTime.of(2, 30)))
                .execute((instance, context) -> {
                    for (UUID tenant : tenants.activeIds()) {
                        var run = runs.run(tenant, clock, false);
                        if (run.total() > 0) {
                            log.info("Retention for tenant {}: {} removed", tenant, run.total());
                        }
                    }
                });
    }
}
