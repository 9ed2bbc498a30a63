package io.creditflow.scoring;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.Restrictions;
import io.creditflow.scoring.engine.Contribution;
import io.creditflow.scoring.engine.Reason;
import io.creditflow.scoring.history.CollectabilityFeatures;
import io.creditflow.scoring.monitoring.ScoreLog;
import io.creditflow.scoring.registry.ActiveModels;
import io.creditflow.scoring.registry.ServedModel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores cases with the tenant's active models, in-process: the champion answers, the challenger (if any) is scored
 * on the same case and logged for comparison. A debtor whose processing is restricted (GDPR art. 18) is never
 * scored: the request is refused before any model sees the data.
 */
@Service
public class Scoring {

    private final ActiveModels active;
    private final CollectabilityFeatures collectability;
    private final Restrictions restrictions;
    private final ScoreLog log;
    private final Clock clock;

    Scoring(ActiveModels active, CollectabilityFeatures collectability, Restrictions restrictions, ScoreLog log,
            Clock clock) {
        this.active = active;
        this.collectability = collectability;
        this.restrictions = restrictions;
        this.log = log;
        this.clock = clock;
    }

    /** A debtor's collectability: each open invoice's score, and the worst of them as the debtor's. */
    public record DebtorScore(UUID debtorId, @Nullable Score worst, Map<UUID, Score> invoices) {
    }

    /**
     * Scores one case given by its features (raw values by name: numbers, texts, booleans; absent = unknown).
     * {@code debtorId}, when given, is checked for a restriction and recorded with the score.
     */
    public Score score(Purpose purpose, Map<String, ?> features, @Nullable UUID debtorId, String channel) {
        if (debtorId != null && restrictions.isRestricted(debtorId)) {
            throw restricted();
        }
        return score(models(purpose), purpose, normalise(features), debtorId, null, channel);
    }

    /** The collectability of one open invoice today, with features built from the tenant's history. */
    public Score scoreInvoice(UUID invoiceId, String channel) {
        UUID debtor = collectability.debtorOf(invoiceId).orElseThrow(() -> new NotFoundException("Invoice",
                invoiceId));
        if (restrictions.isRestricted(debtor)) {
            throw restricted();
        }
        ActiveModels.Active models = models(Purpose.COLLECTABILITY);
        List<CollectabilityFeatures.Case> cases = collectability.openInvoices(List.of(invoiceId));
        if (cases.isEmpty()) {
            throw new BusinessRuleException("invoice-not-open", "Invoice " + invoiceId + " is not open: only open "
                    + "invoices have a collectability score.");
        }
        CollectabilityFeatures.Case c = cases.getFirst();
        return score(models, Purpose.COLLECTABILITY, c.features(), c.debtorId(), c.invoiceId(), channel);
    }

    /** The collectability of a debtor's open invoices today; the debtor's score is the worst (lowest) of them. */
    public DebtorScore scoreDebtor(UUID debtorId, String channel) {
        if (restrictions.isRestricted(debtorId)) {
            throw restricted();
        }
        ActiveModels.Active models = models(Purpose.COLLECTABILITY);
        Map<UUID, Score> scores = new LinkedHashMap<>();
        for (CollectabilityFeatures.Case c : collectability.openInvoicesOfDebtors(List.of(debtorId))) {
            scores.put(c.invoiceId(), score(models, Purpose.COLLECTABILITY, c.features(), debtorId, c.invoiceId(),
                    channel));
        }
        Score worst = scores.values().stream().min(Comparator.comparingDouble(Score::score)).orElse(null);
        return new DebtorScore(debtorId, worst, scores);
    }

    /**
     * Collectability bands of many debtors at once (one feature query): per debtor the band of its worst open invoice.
     * Restricted debtors and debtors without open invoices are absent; so is everyone when no model is active.
     */
    public Map<UUID, String> collectabilityBands(Collection<UUID> debtorIds, String channel) {
        ServedModel champion = active.get(Purpose.COLLECTABILITY).champion();
        if (champion == null || debtorIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ServedModel.Result> worst = new HashMap<>();
        for (CollectabilityFeatures.Case c : collectability.openInvoicesOfDebtors(debtorIds)) {
            ServedModel.Result result = champion.score(c.features());
            log(champion, "CHAMPION", result, channel, c.debtorId(), c.invoiceId());
            worst.merge(c.debtorId(), result, (a, b) -> a.score() <= b.score() ? a : b);
        }
        Map<UUID, String> bands = new HashMap<>();
        worst.forEach((debtor, result) -> bands.put(debtor, result.band()));
        return bands;
    }

    /** An applicant's score by the acceptance champion with every characteristic's points (for credit checks). */
    record Applicant(Score score, List<Contribution> contributions) {
    }

    Applicant scoreApplicant(Map<String, ?> signals, String channel) {
        ActiveModels.Active models = models(Purpose.ACCEPTANCE);
        Map<String, Object> features = normaliseSignals(signals);
        Score score = score(models, Purpose.ACCEPTANCE, features, null, null, channel);
        return new Applicant(score, models.champion().contributions(features));
    }

    /**
     * The same for a replay of a past check (acceptance's policy simulation): nothing is written to the score log, so
     * replays neither count as scorings nor shift the model's PSI measurement.
     */
    Applicant replayApplicant(Map<String, ?> signals) {
        ActiveModels.Active models = models(Purpose.ACCEPTANCE);
        Map<String, Object> features = normaliseSignals(signals);
        Score score = score(models, Purpose.ACCEPTANCE, features, null, null, null);
        return new Applicant(score, models.champion().contributions(features));
    }

    /** The active champion's version label ("v3-<model id>"), or "none". */
    String championLabel(Purpose purpose) {
        ServedModel champion = active.get(purpose).champion();
        return champion == null ? "none" : label(champion.version(), champion.id());
    }

    static String label(int version, UUID modelId) {
        return "v" + version + "-" + modelId;
    }

    /** Signals as features: numbers as doubles, flags as "true"/"false" (as in training), anything else as text. */
    private static Map<String, Object> normaliseSignals(Map<String, ?> signals) {
        Map<String, Object> features = new HashMap<>();
        signals.forEach((name, value) -> {
            switch (value) {
                case null -> { }
                case Number n -> features.put(name, n.doubleValue());
                default -> features.put(name, value.toString());
            }
        });
        return features;
    }

    /** Whether the purpose has a champion (so callers can fall back to their own rules without an exception). */
    public boolean hasActiveModel(Purpose purpose) {
        return active.get(purpose).champion() != null;
    }

    /** Scores by the champion (and the challenger in its shadow); logged under {@code channel}, unless it is null. */
    Score score(ActiveModels.Active models, Purpose purpose, Map<String, ?> features, @Nullable UUID debtorId,
                @Nullable UUID invoiceId, @Nullable String channel) {
        ServedModel champion = models.champion();
        ServedModel.Result result = champion.score(features);
        log(champion, "CHAMPION", result, channel, debtorId, invoiceId);
        Score.Challenger shadow = null;
        ServedModel challenger = models.challenger();
        if (challenger != null) {
            ServedModel.Result other = challenger.score(features);
            log(challenger, "CHALLENGER", other, channel, debtorId, invoiceId);
            shadow = new Score.Challenger(challenger.id(), challenger.version(), other.score(), other.band(),
                    other.probabilityBad());
        }
        List<Score.ReasonCode> reasons = new ArrayList<>();
        for (Reason r : result.reasons()) {
            reasons.add(new Score.ReasonCode(r.variable(), r.attribute(), r.pointsBelowBest()));
        }
        return new Score(purpose, champion.id(), champion.version(), champion.algorithm().name(), result.score(),
                result.band(), result.probabilityBad(), reasons, shadow);
    }

    private ActiveModels.Active models(Purpose purpose) {
        ActiveModels.Active models = active.get(purpose);
        if (models.champion() == null) {
            throw new BusinessRuleException("no-active-model", "No " + purpose.path() + " model is active: a person "
                    + "with scoring:manage activates a trained version in the console first.");
        }
        return models;
    }

    private void log(ServedModel model, String role, ServedModel.Result result, @Nullable String channel,
                     @Nullable UUID debtorId, @Nullable UUID invoiceId) {
        if (channel == null) {
            return;
        }
        log.record(new ScoreLog.Entry(TenantContext.require(), model.id(), OffsetDateTime.now(clock), result.score(),
                result.probabilityBad(), result.band(), role, channel, debtorId, invoiceId));
    }

    private static BusinessRuleException restricted() {
        return new BusinessRuleException("debtor-restricted", "The debtor's processing is restricted (GDPR art. 18): "
                + "no score is made while the restriction lasts.");
    }

    /** Numbers and texts pass; booleans become "true"/"false" categories; anything nested is refused by name. */
    static Map<String, Object> normalise(Map<String, ?> features) {
        Map<String, Object> values = new HashMap<>();
        List<BusinessRuleException.FieldError> errors = new ArrayList<>();
        features.forEach((name, value) -> {
            switch (value) {
                case null -> { }
                case Number n -> values.put(name, n.doubleValue());
                case String s -> values.put(name, s);
                case Boolean b -> values.put(name, b.toString());
                default -> errors.add(new BusinessRuleException.FieldError("features." + name,
                        "must be a number, a text or a boolean"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException("Some features are not plain values.", errors);
        }
        return values;
    }
}
