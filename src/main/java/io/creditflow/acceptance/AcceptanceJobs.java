package io.creditflow.acceptance;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.creditflow.tenancy.Tenants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class AcceptanceJobs {

    /** Limit monitoring for every active tenant (cluster-safe: one node runs it at a time). */
    @Bean
    RecurringTask<Void> creditLimitMonitoring(LimitMonitor monitor, Tenants tenants,
                                              @Value("${creditflow.acceptance.monitoring-interval:PT15M}") Duration every) {
        return Tasks.recurring("acceptance-limit-monitoring", FixedDelay.of(every))
                .execute((instance, context) -> tenants.activeIds().forEach(monitor::run));
    }
}
