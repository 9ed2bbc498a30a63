package io.creditflow.scoring.training;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

@Configuration(proxyBeanMethods = false)
class TrainingTask {

    /** Runs a queued training; the data is "tenant/training". A node that dies mid-run leaves it to another. */
    @Bean
    OneTimeTask<String> scoringTrainingTask(TrainingRunner runner) {
        return Tasks.oneTime("scoring-training", String.class).execute((instance, context) -> {
            String[] ids = instance.getData().split("/");
            runner.run(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
        });
    }
}
