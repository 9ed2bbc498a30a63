package io.creditflow.demo;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/**
 * The demo tenant's past, made in the background right after the first start: 46 days of dunning runs (reminders,
 * 14-day letters, call tasks) and the collection cases that follow. It is most of the demo's creation time, so the
 * console opens first and the history fills in within about half a minute. A db-scheduler task rather than a thread:
 * a stop half-way leaves the task to be picked up again (each day's run does only what that day has not done).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "creditflow.demo.enabled", havingValue = "true")
class DemoHistoryTask {

    static final String NAME = "demo-history";
    private static final Logger log = LoggerFactory.getLogger(DemoHistoryTask.class);

    @Bean
    OneTimeTask<String> demoHistory(DemoDunning dunning, DemoCollection collection) {
        return Tasks.oneTime(NAME, String.class).execute((instance, context) -> {
            long start = System.nanoTime();
            UUID tenant = UUID.fromString(instance.getData());
            dunning.history(tenant);
            collection.setUp(tenant);
            log.info("Demo history ready in {} s (dunning runs of the past days, collection cases)",
                    (System.nanoTime() - start) / 1_000_000_000);
        });
    }
}
