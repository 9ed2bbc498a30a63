package io.creditflow.scoring.registry;

import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.engine.BoostedModel;
import io.creditflow.scoring.engine.Contribution;
import io.creditflow.scoring.engine.Reason;
import io.creditflow.scoring.engine.ScoredCase;
import io.creditflow.scoring.engine.Scorecard;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An active version loaded for scoring: immutable and safe to share between threads, so one instance per tenant and
 * purpose serves every request in-process (microseconds per case: no database, no allocation beyond the result).
 */
public final class ServedModel {

    private final UUID id;
    private final int version;
    private final Purpose purpose;
    private final Algorithm algorithm;
    private final Scorecard scorecard;
    private final @Nullable BoostedModel booster;
    private final Bands bands;
    private final @Nullable Integer horizonDays;

    ServedModel(UUID id, int version, Purpose purpose, Algorithm algorithm, Scorecard scorecard,
                @Nullable BoostedModel booster, Bands bands, @Nullable Integer horizonDays) {
        if (algorithm == Algorithm.GRADIENT_BOOSTING && booster == null) {
            throw new IllegalArgumentException("a boosted model needs its booster");
        }
        this.id = id;
        this.version = version;
        this.purpose = purpose;
        this.algorithm = algorithm;
        this.scorecard = scorecard;
        this.booster = booster;
        this.bands = bands;
        this.horizonDays = horizonDays;
    }

    /** Score, band, probability of the modelled event and the reason codes of one case. */
    public record Result(double score, String band, double probabilityBad, List<Reason> reasons) {
    }

    public Result score(Map<String, ?> values) {
        ScoredCase card = scorecard.explain(values);
        if (algorithm == Algorithm.SCORECARD) {
            return new Result(card.score(), bands.bandOf(card.score()), card.probabilityBad(), card.reasons());
        }
        double probability = booster.probability(values);
        double score = scorecard.scaling().score(Math.clamp(probability, 1e-6, 1 - 1e-6));
        return new Result(score, bands.bandOf(score), probability, card.reasons());
    }

    /** The scorecard's points per characteristic for the case (also for a boosted champion: its reasons' card). */
    public List<Contribution> contributions(Map<String, ?> values) {
        return scorecard.contributions(values);
    }

    public UUID id() {
        return id;
    }

    public int version() {
        return version;
    }

    public Purpose purpose() {
        return purpose;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public Bands bands() {
        return bands;
    }

    public @Nullable Integer horizonDays() {
        return horizonDays;
    }

    /** The variables the scorecard reads (a cross reads both of its variables, a segmented card its split too). */
    public List<String> inputs() {
        return scorecard.inputs();
    }
}
