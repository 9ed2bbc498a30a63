package io.creditflow.scoring.monitoring;

import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.history.CollectabilityFeatures;
import io.creditflow.scoring.registry.ActiveModels;
import io.creditflow.scoring.registry.ServedModel;
import io.creditflow.scoring.registry.ScoringModels;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.SCORING_SCORE_LOG;
import static io.creditflow.jooq.Tables.SCORING_STABILITY;

/**
 * Measures the population stability of every active model: its recent scores against the training reference
 * ({@link StabilityReport}). The recent population of a collectability model is today's open portfolio, scored now
 * with features as of today; of an acceptance model, the scores it served in the last window days. A model with too
 * few recent cases is not measured (PSI over a handful of cases is noise, and a false alarm teaches people to ignore
 * the real one).
 */
@Component
public class StabilityMonitor {

    private final DSLContext dsl;
    private final TenantScope tenants;
    private final ActiveModels active;
    private final ScoringModels models;
    private final CollectabilityFeatures collectability;
    private final JsonMapper json;
    private final Clock clock;
    private final int windowDays;
    private final int minPopulation;

    StabilityMonitor(DSLContext dsl, TenantScope tenants, ActiveModels active, ScoringModels models,
                     CollectabilityFeatures collectability, JsonMapper json, Clock clock,
                     @Value("${creditflow.scoring.psi-window-days:30}") int windowDays,
                     @Value("${creditflow.scoring.psi-min-population:100}") int minPopulation) {
        this.dsl = dsl;
        this.tenants = tenants;
        this.active = active;
        this.models = models;
        this.collectability = collectability;
        this.json = json;
        this.clock = clock;
        this.windowDays = windowDays;
        this.minPopulation = minPopulation;
    }

    /** One measurement as stored. */
    public record Measurement(UUID id, UUID modelId, OffsetDateTime measuredAt, int population, double psi,
                              StabilityReport.Status status, List<StabilityReport.Band> bands) {
    }

    /** Every tenant with an active model (the scheduled job). */
    public void measureAllTenants() {
        List<UUID> ids = dsl.fetch("select * from scoring_tenants_with_active_models()").getValues(0, UUID.class);
        ids.forEach(tenant -> tenants.inTenant(tenant, () -> measure()));
    }

    /** The current tenant's active models; returns what was measured. */
    public List<Measurement> measure() {
        List<Measurement> measured = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            ActiveModels.Active models = active.get(purpose);
            for (ServedModel model : new ServedModel[] {models.champion(), models.challenger()}) {
                if (model != null) {
                    Measurement m = measure(model);
                    if (m != null) {
                        measured.add(m);
                    }
                }
            }
        }
        return measured;
    }

    private @Nullable Measurement measure(ServedModel model) {
        double[] recent = model.purpose() == Purpose.COLLECTABILITY ? portfolio(model) : logged(model);
        if (recent.length < minPopulation) {
            return null;
        }
        StabilityReport report = StabilityReport.scores(models.psiReference(model.id(), model.algorithm()), recent);
        Measurement m = new Measurement(UUID.randomUUID(), model.id(), OffsetDateTime.now(clock), recent.length,
                report.psi(), report.status(), report.bands());
        dsl.insertInto(SCORING_STABILITY).set(SCORING_STABILITY.TENANT_ID, TenantContext.require())
                .set(SCORING_STABILITY.ID, m.id()).set(SCORING_STABILITY.MODEL_ID, m.modelId())
                .set(SCORING_STABILITY.MEASURED_AT, m.measuredAt()).set(SCORING_STABILITY.POPULATION, m.population())
                .set(SCORING_STABILITY.PSI, m.psi()).set(SCORING_STABILITY.STATUS, m.status().name())
                .set(SCORING_STABILITY.BANDS, JSONB.valueOf(json.writeValueAsString(m.bands()))).execute();
        return m;
    }

    private double[] portfolio(ServedModel model) {
        return collectability.allOpenInvoices().stream().mapToDouble(c -> model.score(c.features()).score())
                .toArray();
    }

    private double[] logged(ServedModel model) {
        return dsl.select(SCORING_SCORE_LOG.SCORE).from(SCORING_SCORE_LOG)
                .where(SCORING_SCORE_LOG.MODEL_ID.eq(model.id())
                        .and(SCORING_SCORE_LOG.SCORED_AT.ge(OffsetDateTime.now(clock).minusDays(windowDays))))
                .fetch(SCORING_SCORE_LOG.SCORE).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The model's measurements, oldest first (the history chart). */
    public List<Measurement> history(UUID modelId, int limit) {
        List<Measurement> newest = dsl.selectFrom(SCORING_STABILITY).where(SCORING_STABILITY.MODEL_ID.eq(modelId))
                .orderBy(SCORING_STABILITY.MEASURED_AT.desc()).limit(limit)
                .fetch(r -> new Measurement(r.getId(), r.getModelId(), r.getMeasuredAt(), r.getPopulation(),
                        r.getPsi(), StabilityReport.Status.valueOf(r.getStatus()),
                        List.of(json.readValue(r.getBands().data(), StabilityReport.Band[].class))));
        return newest.reversed();
    }

    /** The latest measurement of each active model whose PSI is above the drift threshold. */
    public List<Measurement> alerts() {
        List<Measurement> alerts = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            ActiveModels.Active models = active.get(purpose);
            for (ServedModel model : new ServedModel[] {models.champion(), models.challenger()}) {
                if (model != null) {
                    List<Measurement> latest = history(model.id(), 1);
                    if (!latest.isEmpty() && latest.getFirst().status() == StabilityReport.Status.DRIFTED) {
                        alerts.add(latest.getFirst());
                    }
                }
            }
        }
        return alerts;
    }
}
