package io.creditflow.payments.arrangements;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The review of plans and promises (db-scheduler, once per node cluster). Hourly rather than nightly: a review is
 * cheap, idempotent (each breach, completion and notice happens once), and a payment that arrives in the morning
 * then closes its promise the same morning.
 */
@Configuration(proxyBeanMethods = false)
class ArrangementJobs {

    @Bean
    RecurringTask<Void> paymentsArrangementReview(DSLContext dsl, TenantScope tenantScope, ArrangementReview review,
                                                  Clock clock) {
        return Tasks.recurring("payments-arrangement-review", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    LocalDate today = LocalDate.now(clock);
                    for (UUID tenant : dsl.resultQuery("select * from payments_tenants_with_work()")
                            .fetch(0, UUID.class)) {
                        tenantScope.inTenant(tenant, () -> review.review(today));
                    }
                });
    }
}
