package io.creditflow.scoring.training;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.engine.DataException;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.DatasetReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Accepts training requests. A CSV is read and checked completely before it is accepted, so a wrong separator, a
 * missing target column or a third outcome value is answered at once with the line or column, and nothing is queued;
 * the training itself then runs as a db-scheduler task on whichever node picks it up.
 */
@Service
public class TrainingService {

    private final Trainings trainings;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final Clock clock;
    private final long maxUploadBytes;

    TrainingService(Trainings trainings, @Lazy SchedulerClient scheduler, OneTimeTask<String> scoringTrainingTask,
                    Clock clock, @Value("${creditflow.scoring.max-upload-bytes:52428800}") long maxUploadBytes) {
        this.trainings = trainings;
        this.scheduler = scheduler;
        this.task = scoringTrainingTask;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** Queues training on an uploaded CSV after reading it once; returns the training's id. */
    public UUID trainFromCsv(Purpose purpose, String fileName, byte[] content, TrainingParameters parameters) {
        parameters.validate(true);
        if (content.length == 0) {
            throw invalid("file", "the file is empty");
        }
        if (content.length > maxUploadBytes) {
            throw invalid("file", String.format(Locale.ROOT, "%d bytes; at most %d can be trained on in the server "
                    + "(use the command line for larger files)", content.length, maxUploadBytes));
        }
        check(fileName, content, parameters);
        return schedule(trainings.queue(purpose, "CSV", fileName, parameters, content, Actor.current().name()));
    }

    /** Queues training on the tenant's own history. */
    public UUID trainFromHistory(Purpose purpose, TrainingParameters parameters) {
        parameters.validate(false);
        return schedule(trainings.queue(purpose, "HISTORY", null, parameters, null, Actor.current().name()));
    }

    private UUID schedule(UUID id) {
        scheduler.schedule(task.instance(id.toString(), TenantContext.require() + "/" + id), clock.instant());
        return id;
    }

    private static void check(String fileName, byte[] content, TrainingParameters parameters) {
        try {
            requireBothOutcomes(read(fileName, content, parameters), parameters.foldsOrDefault());
        } catch (DataException e) {
            throw invalid("file", e.getMessage());
        }
    }

    /** Reads an upload; errors name the uploaded file, its line or its column. */
    static Dataset read(String fileName, byte[] content, TrainingParameters parameters) {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            return new DatasetReader(parameters.csvFormat(), parameters.targetSpec()).read(reader, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireBothOutcomes(Dataset data, int folds) {
        int bads = data.bads();
        int goods = data.rows() - bads;
        if (bads < folds || goods < folds) {
            throw new DataException(String.format(Locale.ROOT, "%d-fold validation needs at least %d cases of each "
                    + "outcome; the data has %d bad and %d good", folds, folds, bads, goods));
        }
    }

    private static ValidationException invalid(String field, String reason) {
        return new ValidationException("The training data is not valid.", List.of(new FieldError(field, reason)));
    }
}
