package io.creditflow.scoring.training;

import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.scoring.Purpose;
import io.creditflow.jooq.tables.records.ScoringTrainingRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.SCORING_TRAINING;

/** The training runs of a tenant: queued, running (with progress), done (with the model) or failed (with why). */
@Component
public class Trainings {

    private final DSLContext dsl;
    private final JsonMapper json;
    private final Clock clock;

    Trainings(DSLContext dsl, JsonMapper json, Clock clock) {
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
    }

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** A run as the console and the API show it. */
    public record Training(UUID id, Purpose purpose, String source, @Nullable String sourceName, Status status,
                           int progress, @Nullable String stage, @Nullable String error, @Nullable UUID modelId,
                           TrainingParameters parameters, OffsetDateTime createdAt, String createdBy,
                           @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {
    }

    @Transactional
    public UUID queue(Purpose purpose, String source, @Nullable String sourceName, TrainingParameters parameters,
                      byte @Nullable [] upload, String createdBy) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(SCORING_TRAINING).set(SCORING_TRAINING.TENANT_ID, TenantContext.require())
                .set(SCORING_TRAINING.ID, id).set(SCORING_TRAINING.PURPOSE, purpose.name())
                .set(SCORING_TRAINING.SOURCE, source).set(SCORING_TRAINING.SOURCE_NAME, sourceName)
                .set(SCORING_TRAINING.PARAMETERS, JSONB.valueOf(json.writeValueAsString(parameters)))
                .set(SCORING_TRAINING.UPLOAD, upload).set(SCORING_TRAINING.STATUS, Status.QUEUED.name())
                .set(SCORING_TRAINING.CREATED_AT, OffsetDateTime.now(clock))
                .set(SCORING_TRAINING.CREATED_BY, createdBy).execute();
        return id;
    }

    public Training get(UUID id) {
        return dsl.selectFrom(SCORING_TRAINING).where(SCORING_TRAINING.ID.eq(id)).fetchOptional(this::training)
                .orElseThrow(() -> new NotFoundException("Training", id));
    }

    public List<Training> recent(int limit) {
        return dsl.selectFrom(SCORING_TRAINING).orderBy(SCORING_TRAINING.CREATED_AT.desc()).limit(limit)
                .fetch(this::training);
    }

    /** Claims a queued run, or one a dead node left running; empty when it already ended (a repeated task). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Training> start(UUID id) {
        int claimed = dsl.update(SCORING_TRAINING).set(SCORING_TRAINING.STATUS, Status.RUNNING.name())
                .set(SCORING_TRAINING.STARTED_AT, OffsetDateTime.now(clock)).set(SCORING_TRAINING.PROGRESS, 0)
                .where(SCORING_TRAINING.ID.eq(id)
                        .and(SCORING_TRAINING.STATUS.in(Status.QUEUED.name(), Status.RUNNING.name())))
                .execute();
        return claimed == 0 ? Optional.empty() : Optional.of(get(id));
    }

    public byte[] upload(UUID id) {
        return dsl.select(SCORING_TRAINING.UPLOAD).from(SCORING_TRAINING).where(SCORING_TRAINING.ID.eq(id))
                .fetchOptional(SCORING_TRAINING.UPLOAD)
                .orElseThrow(() -> new IllegalStateException("the upload of training " + id + " is gone"));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, int percent, String stage) {
        dsl.update(SCORING_TRAINING).set(SCORING_TRAINING.PROGRESS, Math.clamp(percent, 0, 100))
                .set(SCORING_TRAINING.STAGE, stage).where(SCORING_TRAINING.ID.eq(id)).execute();
    }

    /** Ends the run with its model; the upload is deleted (it may hold personal data and is no longer needed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void done(UUID id, UUID modelId) {
        end(id, Status.DONE, null, modelId);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(UUID id, String error) {
        end(id, Status.FAILED, error.length() > 2000 ? error.substring(0, 2000) : error, null);
    }

    private void end(UUID id, Status status, @Nullable String error, @Nullable UUID modelId) {
        dsl.update(SCORING_TRAINING).set(SCORING_TRAINING.STATUS, status.name())
                .set(SCORING_TRAINING.PROGRESS, status == Status.DONE ? DSL.inline(100) : SCORING_TRAINING.PROGRESS)
                .set(SCORING_TRAINING.ERROR, error).set(SCORING_TRAINING.MODEL_ID, modelId)
                .set(SCORING_TRAINING.UPLOAD, (byte[]) null)
                .set(SCORING_TRAINING.FINISHED_AT, OffsetDateTime.now(clock))
                .where(SCORING_TRAINING.ID.eq(id)).execute();
    }

    private Training training(ScoringTrainingRecord r) {
        return new Training(r.getId(), Purpose.valueOf(r.getPurpose()), r.getSource(), r.getSourceName(),
                Status.valueOf(r.getStatus()), r.getProgress(), r.getStage(), r.getError(), r.getModelId(),
                json.readValue(r.getParameters().data(), TrainingParameters.class), r.getCreatedAt(),
                r.getCreatedBy(), r.getStartedAt(), r.getFinishedAt());
    }
}
