package io.creditflow.scoring.monitoring;

import io.creditflow.scoring.engine.Binning;
import io.creditflow.scoring.engine.Stability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The stability of a model's population: the score PSI against the training reference, and per variable the
 * characteristic stability index (the same formula over the variable's bins), which says which variable moved.
 *
 * @param bands per band of the reference: expected share, actual share and the band's PSI term
 */
public record StabilityReport(double psi, Status status, List<Band> bands) {

    /** Below 0.1 stable, up to 0.25 watch, above: the population drifted and the model needs review. */
    public enum Status {
        STABLE, WATCH, DRIFTED;

        public static Status of(double psi) {
            if (psi > Stability.DRIFT) {
                return DRIFTED;
            }
            return psi >= 0.1 ? WATCH : STABLE;
        }
    }

    public record Band(String label, double expected, double actual, double contribution) {
    }

    /** A reference fixed at training time: the score band borders and the training shares per band. */
    public record Reference(double[] borders, double[] shares) {

        public static Reference of(double[] trainingScores, int bands) {
            double[] borders = Stability.bands(trainingScores, bands);
            return new Reference(borders, Stability.shares(trainingScores, borders));
        }
    }

    /** The PSI of recent scores against the training reference. */
    public static StabilityReport scores(Reference reference, double[] recentScores) {
        double[] actual = Stability.shares(recentScores, reference.borders());
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            String from = i == 0 ? "-inf" : format(reference.borders()[i - 1]);
            String to = i == actual.length - 1 ? "+inf" : format(reference.borders()[i]);
            bands.add(band("[" + from + ", " + to + ")", reference.shares()[i], actual[i]));
        }
        return of(bands);
    }

    /** Characteristic stability of one scorecard variable: training bin shares against recent values' bins. */
    public static StabilityReport characteristic(Binning binning, Collection<?> recentValues) {
        long total = binning.bins().stream().mapToLong(b -> b.count()).sum();
        double[] actual = new double[binning.bins().size() + 1]; // last: values in no bin
        for (Object value : recentValues) {
            int bin = binning.binOf(value);
            actual[bin == Binning.UNSEEN ? actual.length - 1 : bin] += 1.0 / recentValues.size();
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < binning.bins().size(); i++) {
            bands.add(band(binning.bins().get(i).label(), (double) binning.bins().get(i).count() / total, actual[i]));
        }
        bands.add(band("unseen", 0, actual[actual.length - 1]));
        return of(bands);
    }

    private static Band band(String label, double expected, double actual) {
        double psi = Stability.psi(new double[] {expected}, new double[] {actual});
        return new Band(label, expected, actual, psi);
    }

    private static StabilityReport of(List<Band> bands) {
        double psi = bands.stream().mapToDouble(Band::contribution).sum();
        return new StabilityReport(psi, Status.of(psi), List.copyOf(bands));
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
