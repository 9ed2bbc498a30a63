package io.creditflow.messaging;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.creditflow.messaging.letters.PrintBatches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalTime;

@Configuration(proxyBeanMethods = false)
class MessagingJobs {

    /**
     * Closes the day's print batches once a day at the hand-over time to the print shop (cluster-wide once:
     * db-scheduler). The letters count as sent at that moment.
     */
    @Bean
    RecurringTask<Void> printBatchJob(PrintBatches batches, Clock clock,
                                     @Value("${creditflow.messaging.letters.batch-time:15:00}") LocalTime at) {
        return Tasks.recurring("print-batches", Schedules.daily(clock.getZone(), at))
                .execute((instance, context) -> batches.closeAll(clock.instant()));
    }
}
