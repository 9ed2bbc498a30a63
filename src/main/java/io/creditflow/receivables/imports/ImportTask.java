package io.creditflow.receivables.imports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

@Configuration(proxyBeanMethods = false)
class ImportTask {

    /** Runs an uploaded import; the data is "tenant/import" ids. */
    @Bean
    OneTimeTask<String> receivablesImportTask(ImportRunner runner) {
        return Tasks.oneTime("receivables-import", String.class).execute((instance, context) -> {
            String[] ids = instance.getData().split("/");
            runner.run(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
        });
    }
}
