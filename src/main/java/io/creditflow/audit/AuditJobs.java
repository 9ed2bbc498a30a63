package io.creditflow.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditJobs {

    /** Seals what a crashed node left pending; normally the sealer runs right after each commit. */
    @Bean
    RecurringTask<Void> auditSealing(AuditSealer sealer) {
        return Tasks.recurring("audit-sealing", FixedDelay.ofSeconds(30))
                .execute((instance, context) -> sealer.sealAllPending());
    }
}
