package io.creditflow.scoring.monitoring;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitoringJobs {

    /** PSI of every active model, once a day on one node of the cluster (db-scheduler claims the run). */
    @Bean
    RecurringTask<Void> scoringStability(StabilityMonitor monitor,
                                         @Value("${creditflow.scoring.psi-schedule:DAILY|05:30}") String schedule) {
        return Tasks.recurring("scoring-stability", Schedules.parseSchedule(schedule))
                .execute((instance, context) -> monitor.measureAllTenants());
    }
}
