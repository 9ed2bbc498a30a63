package io.creditflow.privacy.lifecycle;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.util.UUID;

/** Builds a tenant's export bundle in the background, on whichever node picks the task up. */
@Configuration(proxyBeanMethods = false)
class OffboardingJob {

    static final String TASK = "privacy-tenant-export";

    @Bean
    OneTimeTask<UUID> privacyTenantExport(@Lazy Offboarding offboarding) {
        return Tasks.oneTime(TASK, UUID.class)
                .execute((instance, context) -> offboarding.buildBundle(instance.getData()));
    }
}
