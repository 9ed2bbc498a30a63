package io.creditflow.scoring.registry;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.scoring.ModelActivated;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.engine.Validation;
import io.creditflow.scoring.monitoring.StabilityReport;
import io.creditflow.jooq.tables.records.ScoringModelRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.SCORING_MODEL;

/**
 * The registry: versions per tenant and purpose, their cards and pictures, and the champion and challenger roles.
 * A version's content never changes after it is registered; a person moves roles (audited), and every node's cache of
 * active models is told within moments (PostgreSQL NOTIFY, delivered at commit).
 */
@Component
public class ScoringModels {

    private static final TypeReference<Map<Algorithm, Validation>> METRICS = new TypeReference<>() { };
    private static final TypeReference<Map<Algorithm, Bands>> BANDS = new TypeReference<>() { };
    private static final TypeReference<Map<Algorithm, StabilityReport.Reference>> REFERENCES =
            new TypeReference<>() { };

    private final DSLContext dsl;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ActiveModels active;

    ScoringModels(DSLContext dsl, JsonMapper json, Clock clock, AuditLog audit, ApplicationEventPublisher events,
                  ActiveModels active) {
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.active = active;
    }

    /** Registers a trained (or imported) model as the purpose's next version, in the CANDIDATE role. */
    @Transactional
    public ModelCard register(TrainedModel model, String trainedBy) {
        UUID tenant = TenantContext.require();
        // versions are numbered per tenant and purpose; two runs finishing at once take turns here
        dsl.execute("select pg_advisory_xact_lock(hashtext({0}))", DSL.inline("scoring-model:" + tenant + ":"
                + model.purpose()));
        int version = 1 + dsl.select(DSL.coalesce(DSL.max(SCORING_MODEL.VERSION), 0)).from(SCORING_MODEL)
                .where(SCORING_MODEL.PURPOSE.eq(model.purpose().name())).fetchSingle().value1();
        String file = model.file().toJson();
        UUID id = UUID.randomUUID();
        dsl.insertInto(SCORING_MODEL)
                .set(SCORING_MODEL.TENANT_ID, tenant).set(SCORING_MODEL.ID, id)
                .set(SCORING_MODEL.PURPOSE, model.purpose().name()).set(SCORING_MODEL.VERSION, version)
                .set(SCORING_MODEL.NAME, model.name()).set(SCORING_MODEL.SOURCE, model.source().name())
                .set(SCORING_MODEL.SOURCE_NAME, model.sourceName())
                .set(SCORING_MODEL.DATA_FROM, model.dataFrom()).set(SCORING_MODEL.DATA_TO, model.dataTo())
                .set(SCORING_MODEL.HORIZON_DAYS, model.horizonDays())
                .set(SCORING_MODEL.CASES, model.file().data().rows())
                .set(SCORING_MODEL.BADS, model.file().data().bads())
                .set(SCORING_MODEL.FEATURES, model.file().data().features().toArray(String[]::new))
                .set(SCORING_MODEL.METRICS, jsonb(model.metrics())).set(SCORING_MODEL.BANDS, jsonb(model.bands()))
                .set(SCORING_MODEL.PSI_REFERENCE, jsonb(model.psiReference()))
                .set(SCORING_MODEL.CHARTS, jsonb(Map.of("charts", model.charts(), "report", model.report())))
                .set(SCORING_MODEL.MODEL_FILE, file).set(SCORING_MODEL.MODEL_DIGEST, sha256(file))
                .set(SCORING_MODEL.TRAINING_SECONDS, model.trainingSeconds())
                .set(SCORING_MODEL.TRAINED_AT, OffsetDateTime.now(clock)).set(SCORING_MODEL.TRAINED_BY, trainedBy)
                .execute();
        audit.record(AuditEvent.of("scoring.model.registered", "scoring_model", id)
                .detail("purpose", model.purpose().name()).detail("version", version)
                .detail("source", model.source().name()).detail("cases", model.file().data().rows()));
        return card(id);
    }

    public List<ModelCard> list(Purpose purpose) {
        return dsl.selectFrom(SCORING_MODEL).where(SCORING_MODEL.PURPOSE.eq(purpose.name()))
                .orderBy(SCORING_MODEL.VERSION.desc()).fetch(this::card);
    }

    public ModelCard card(UUID id) {
        return card(record(id));
    }

    public Map<Algorithm, TrainedModel.Charts> charts(UUID id) {
        return storedCharts(id).charts();
    }

    /** The self-contained HTML validation report of the version. */
    public String report(UUID id) {
        return storedCharts(id).report();
    }

    private JsonCharts storedCharts(UUID id) {
        JSONB stored = dsl.select(SCORING_MODEL.CHARTS).from(SCORING_MODEL).where(SCORING_MODEL.ID.eq(id))
                .fetchOptional(SCORING_MODEL.CHARTS).orElseThrow(() -> new NotFoundException("Model", id));
        return json.readValue(stored.data(), JsonCharts.class);
    }

    /** The model file as the engine wrote it: the scorecard's bins and points, what happened to each variable. */
    public io.creditflow.scoring.engine.ModelFile modelFile(UUID id) {
        String file = dsl.select(SCORING_MODEL.MODEL_FILE).from(SCORING_MODEL).where(SCORING_MODEL.ID.eq(id))
                .fetchOptional(SCORING_MODEL.MODEL_FILE).orElseThrow(() -> new NotFoundException("Model", id));
        return io.creditflow.scoring.engine.ModelFile.fromJson(file);
    }

    public StabilityReport.Reference psiReference(UUID id, Algorithm algorithm) {
        ScoringModelRecord r = record(id);
        return json.readValue(r.getPsiReference().data(), REFERENCES).get(algorithm);
    }

    /**
     * Makes a version the champion (it serves decisions; the previous champion retires) or the challenger (scored
     * beside the champion; the previous challenger returns to candidate). Only a person may do this: an API key
     * is not someone who can answer for a model, so it is refused even with the scoring:manage scope.
     */
    @Transactional
    public ModelCard activate(UUID id, Role role, Algorithm algorithm, String note) {
        Actor actor = Actor.current();
        requirePerson(actor);
        if (role != Role.CHAMPION && role != Role.CHALLENGER) {
            throw new BusinessRuleException("activation-role", "A model is activated as champion or challenger.");
        }
        String why = requireNote(note);
        ScoringModelRecord model = dsl.selectFrom(SCORING_MODEL).where(SCORING_MODEL.ID.eq(id)).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException("Model", id));
        Purpose purpose = Purpose.valueOf(model.getPurpose());
        if (role == Role.CHALLENGER && Role.valueOf(model.getRole()) == Role.CHAMPION) {
            throw new BusinessRuleException("champion-to-challenger", "Version " + model.getVersion()
                    + " is the champion; make another version champion first.");
        }
        UUID previous = dsl.update(SCORING_MODEL)
                .set(SCORING_MODEL.ROLE, role == Role.CHAMPION ? Role.RETIRED.name() : Role.CANDIDATE.name())
                .where(SCORING_MODEL.PURPOSE.eq(purpose.name()).and(SCORING_MODEL.ROLE.eq(role.name()))
                        .and(SCORING_MODEL.ID.ne(id)))
                .returning(SCORING_MODEL.ID).fetchOptional(SCORING_MODEL.ID).orElse(null);
        dsl.update(SCORING_MODEL).set(SCORING_MODEL.ROLE, role.name())
                .set(SCORING_MODEL.ALGORITHM, algorithm.name())
                .set(SCORING_MODEL.ACTIVATED_AT, OffsetDateTime.now(clock))
                .set(SCORING_MODEL.ACTIVATED_BY, actor.name()).set(SCORING_MODEL.ACTIVATION_NOTE, why)
                .where(SCORING_MODEL.ID.eq(id)).execute();
        audit.record(AuditEvent.of("scoring.model.activated", "scoring_model", id)
                .detail("purpose", purpose.name()).detail("version", model.getVersion()).detail("role", role.name())
                .detail("algorithm", algorithm.name()).detail("note", why)
                .detail("replaced", previous == null ? "none" : previous.toString()));
        changed(purpose);
        events.publishEvent(new ModelActivated(TenantContext.require(), purpose, id, model.getVersion(), role.name()));
        return card(id);
    }

    /** Takes a version out of service: the purpose has no champion (or challenger) until a person activates one. */
    @Transactional
    public ModelCard retire(UUID id, String note) {
        Actor actor = Actor.current();
        requirePerson(actor);
        String why = requireNote(note);
        ScoringModelRecord model = dsl.selectFrom(SCORING_MODEL).where(SCORING_MODEL.ID.eq(id)).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException("Model", id));
        dsl.update(SCORING_MODEL).set(SCORING_MODEL.ROLE, Role.RETIRED.name()).where(SCORING_MODEL.ID.eq(id))
                .execute();
        audit.record(AuditEvent.of("scoring.model.retired", "scoring_model", id)
                .detail("purpose", model.getPurpose()).detail("version", model.getVersion())
                .detail("was", model.getRole()).detail("note", why));
        changed(Purpose.valueOf(model.getPurpose()));
        return card(id);
    }

    /** The version as the engine stored it plus its card data, for another tenant or installation. */
    public String export(UUID id) {
        ScoringModelRecord r = record(id);
        ModelExport export = ModelExport.of(trained(r), r.getVersion(), r.getTrainedAt(), r.getTrainedBy());
        audit.record(AuditEvent.of("scoring.model.exported", "scoring_model", id).detail("version", r.getVersion()));
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(export);
    }

    /** Registers an exported version as a new candidate of this tenant (never active until a person says so). */
    @Transactional
    public ModelCard importJson(String text) {
        TrainedModel model = ModelExport.parse(json, text).toTrainedModel();
        return register(model, Actor.current().name());
    }

    TrainedModel trained(ScoringModelRecord r) {
        JsonCharts stored = json.readValue(r.getCharts().data(), JsonCharts.class);
        return new TrainedModel(Purpose.valueOf(r.getPurpose()), r.getName(),
                TrainedModel.Source.valueOf(r.getSource()), r.getSourceName(), r.getDataFrom(), r.getDataTo(),
                r.getHorizonDays(), io.creditflow.scoring.engine.ModelFile.fromJson(r.getModelFile()),
                json.readValue(r.getMetrics().data(), METRICS), json.readValue(r.getBands().data(), BANDS),
                json.readValue(r.getPsiReference().data(), REFERENCES), stored.charts(), stored.report(),
                r.getTrainingSeconds());
    }

    private record JsonCharts(Map<Algorithm, TrainedModel.Charts> charts, String report) {
    }

    ScoringModelRecord record(UUID id) {
        return dsl.selectFrom(SCORING_MODEL).where(SCORING_MODEL.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Model", id));
    }

    private ModelCard card(ScoringModelRecord r) {
        return new ModelCard(r.getId(), Purpose.valueOf(r.getPurpose()), r.getVersion(), r.getName(),
                Role.valueOf(r.getRole()), Algorithm.valueOf(r.getAlgorithm()),
                TrainedModel.Source.valueOf(r.getSource()), r.getSourceName(), r.getDataFrom(), r.getDataTo(),
                r.getHorizonDays(), r.getCases(), r.getBads(), Arrays.asList(r.getFeatures()),
                json.readValue(r.getMetrics().data(), METRICS), json.readValue(r.getBands().data(), BANDS),
                r.getTrainingSeconds(), r.getTrainedAt(), r.getTrainedBy(), r.getActivatedAt(), r.getActivatedBy(),
                r.getActivationNote());
    }

    /** Tells every node (this one too) that the purpose's active models changed, once this transaction commits. */
    private void changed(Purpose purpose) {
        UUID tenant = TenantContext.require();
        dsl.execute("select pg_notify({0}, {1})", DSL.inline(ActiveModels.CHANNEL),
                DSL.val(tenant + ":" + purpose.name()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    active.invalidate(tenant, purpose);
                }
            });
        }
    }

    private static void requirePerson(Actor actor) {
        if (actor.type() != Actor.Type.USER) {
            throw new BusinessRuleException("activation-by-person", "Models are activated and retired by a person "
                    + "signed in to the console, not by an API key or a job.");
        }
    }

    private static String requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new io.creditflow.platform.ValidationException("Say why.", List.of(
                    new BusinessRuleException.FieldError("note", "required: why this version, why now")));
        }
        return note.strip().length() > 500 ? note.strip().substring(0, 500) : note.strip();
    }

    private JSONB jsonb(Object value) {
        return JSONB.valueOf(json.writeValueAsString(value));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
