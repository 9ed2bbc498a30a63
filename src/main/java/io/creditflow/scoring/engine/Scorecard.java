package io.creditflow.scoring.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A points scorecard: the score of a case is the sum of the points of its attributes, and a higher score means a
 * lower probability of bad ({@link PdoScaling}). Immutable; this record is also the scorecard part of the model file.
 *
 * <p>A segmented card ({@code segments} not null) has no characteristics of its own: a case is scored, explained and
 * given reason codes by the card of its segment, and all segments share the card's PDO scaling, so their scores
 * are on one scale.
 */
public record Scorecard(List<Characteristic> characteristics, double intercept, PdoScaling scaling,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Segments segments)
        implements ScoringModel {

    /** Reason codes reported per case (the customary three to four). */
    public static final int REASONS = 4;

    public Scorecard {
        characteristics = List.copyOf(characteristics);
        if (segments != null && !characteristics.isEmpty()) {
            throw new IllegalArgumentException("a segmented card has its characteristics in its segments");
        }
    }

    /** A single (unsegmented) card. */
    public Scorecard(List<Characteristic> characteristics, double intercept, PdoScaling scaling) {
        this(characteristics, intercept, scaling, null);
    }

    /** The variables a case must supply: the split variable and every card's characteristics. */
    public List<String> inputs() {
        if (segments != null) {
            List<String> inputs = new ArrayList<>(segments.binning().inputs());
            segments.segments().forEach(s -> inputs.addAll(s.scorecard().inputs()));
            return inputs.stream().distinct().toList();
        }
        return characteristics.stream().flatMap(c -> c.binning().inputs().stream()).distinct().toList();
    }

    public double score(Map<String, ?> values) {
        if (segments != null) {
            return segments.of(values).scorecard().score(values);
        }
        double score = 0;
        for (Characteristic c : characteristics) {
            score += c.pointsOf(c.binning().binOfCase(values));
        }
        return characteristics.isEmpty() ? scaling.score(1 / (1 + Math.exp(-intercept))) : score;
    }

    @Override
    public double probability(Map<String, ?> values) {
        return scaling.probabilityBad(score(values));
    }

    /** Score, probability and reason codes: per variable, the best attribute's points minus the case's points. */
    public ScoredCase explain(Map<String, ?> values) {
        if (segments != null) {
            return segments.of(values).scorecard().explain(values);
        }
        if (characteristics.isEmpty()) {
            return new ScoredCase(score(values), probability(values), List.of());
        }
        List<Reason> reasons = new ArrayList<>();
        double score = 0;
        for (Characteristic c : characteristics) {
            int bin = c.binning().binOfCase(values);
            double points = c.pointsOf(bin);
            score += points;
            double gap = c.maxPoints() - points;
            if (gap > 1e-9) {
                reasons.add(new Reason(c.variable(), c.attributeOf(bin), gap));
            }
        }
        reasons.sort(Comparator.comparingDouble(Reason::pointsBelowBest).reversed()
                .thenComparing(Reason::variable));
        return new ScoredCase(score, scaling.probabilityBad(score), List.copyOf(reasons.subList(0,
                Math.min(REASONS, reasons.size()))));
    }

    /** Every characteristic's attribute and points for the case, in the card's order (for a full explanation). */
    public List<Contribution> contributions(Map<String, ?> values) {
        if (segments != null) {
            return segments.of(values).scorecard().contributions(values);
        }
        List<Contribution> contributions = new ArrayList<>(characteristics.size());
        for (Characteristic c : characteristics) {
            int bin = c.binning().binOfCase(values);
            contributions.add(new Contribution(c.variable(), c.attributeOf(bin), c.pointsOf(bin), c.maxPoints()));
        }
        return contributions;
    }

    @Override
    public double[] probabilities(Dataset data) {
        double[] score = scores(data);
        double[] probability = new double[score.length];
        for (int r = 0; r < score.length; r++) {
            probability[r] = scaling.probabilityBad(score[r]);
        }
        return probability;
    }

    public double[] scores(Dataset data) {
        if (segments != null) {
            return segmentedScores(segments, data);
        }
        double[] score = new double[data.rows()];
        if (characteristics.isEmpty()) {
            java.util.Arrays.fill(score, scaling.score(1 / (1 + Math.exp(-intercept))));
        }
        for (Characteristic c : characteristics) {
            int[] bins = c.binning().binsOf(data);
            for (int r = 0; r < bins.length; r++) {
                score[r] += c.pointsOf(bins[r]);
            }
        }
        return score;
    }

    private static double[] segmentedScores(Segments segments, Dataset data) {
        int[] segment = segments.segmentsOf(data);
        double[] score = new double[data.rows()];
        for (int s = 0; s < segments.segments().size(); s++) {
            int index = s;
            int[] rows = java.util.stream.IntStream.range(0, segment.length).filter(r -> segment[r] == index)
                    .toArray();
            double[] scores = segments.segments().get(s).scorecard().scores(data.select(rows));
            for (int i = 0; i < rows.length; i++) {
                score[rows[i]] = scores[i];
            }
        }
        return score;
    }
}
