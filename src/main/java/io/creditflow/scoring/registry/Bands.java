package io.creditflow.scoring.registry;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Risk bands A (best) to E (worst): the quintiles of the training population's scores, fixed when the version is
 * trained. Per band the card shows its share of the training cases and the out-of-fold bad rate, so "band D" reads as
 * "the fourth fifth of the population we trained on, with this bad rate". Dunning conditions and credit policies
 * name bands rather than raw scores, so they survive a change of points scale.
 *
 * @param bands from A to E; each holds scores at or above its {@code minScore} (E has none: everything else)
 */
public record Bands(List<Band> bands) {

    static final String[] LABELS = {"A", "B", "C", "D", "E"};

    public Bands {
        bands = List.copyOf(bands);
    }

    public record Band(String label, @Nullable Double minScore, double share, double badRate) {
    }

    /** Quintile borders of the training scores; shares and bad rates from the out-of-fold scores. */
    public static Bands of(double[] trainingScores, double[] outOfFoldScores, boolean[] bad) {
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        List<Double> borders = new ArrayList<>();
        for (int b = 1; b < LABELS.length; b++) {
            // the score at the (1 - b/5) quantile: band A holds the best fifth
            borders.add(sorted[Math.min(sorted.length - 1, (int) ((long) (LABELS.length - b) * sorted.length
                    / LABELS.length))]);
        }
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < LABELS.length; b++) {
            Double min = b < borders.size() ? borders.get(b) : null;
            Double above = b == 0 ? null : borders.get(b - 1);
            long cases = 0;
            long bads = 0;
            for (int r = 0; r < outOfFoldScores.length; r++) {
                double s = outOfFoldScores[r];
                if ((min == null || s >= min) && (above == null || s < above)) {
                    cases++;
                    bads += bad[r] ? 1 : 0;
                }
            }
            bands.add(new Band(LABELS[b], min, (double) cases / Math.max(1, outOfFoldScores.length),
                    cases == 0 ? 0 : (double) bads / cases));
        }
        return new Bands(bands);
    }

    public String bandOf(double score) {
        for (Band band : bands) {
            if (band.minScore() == null || score >= band.minScore()) {
                return band.label();
            }
        }
        return bands.getLast().label();
    }
}
