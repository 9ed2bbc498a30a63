package io.creditflow.payments.directdebit;

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

@Configuration(proxyBeanMethods = false)
class DirectDebitJobs {

    /** Mandates unused for 36 months lapse (daily; set-based per tenant). */
    @Bean
    RecurringTask<Void> paymentsMandateLapse(DSLContext dsl, TenantScope tenantScope, Mandates mandates, Clock clock) {
        return Tasks.recurring("payments-mandate-lapse", FixedDelay.ofHours(24))
                .execute((instance, context) -> {
                    LocalDate today = LocalDate.now(clock);
                    for (UUID tenant : dsl.resultQuery("select * from payments_tenants_with_work()")
                            .fetch(0, UUID.class)) {
                        tenantScope.inTenant(tenant, () -> mandates.lapse(today));
                    }
                });
    }
}
