package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Validation measures of predicted probabilities of bad against the outcomes. */
public final class Metrics {

    private Metrics() {
    }

    /** Area under the ROC curve by ranks (Mann-Whitney), ties counted half. */
    public static double auc(double[] probability, boolean[] bad) {
        Integer[] order = ascending(probability);
        double rankSumBads = 0;
        long bads = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && probability[order[j + 1]] == probability[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (bad[order[k]]) {
                    rankSumBads += averageRank;
                    bads++;
                }
            }
            i = j + 1;
        }
        long goods = bad.length - bads;
        if (bads == 0 || goods == 0) {
            return Double.NaN;
        }
        return (rankSumBads - bads * (bads + 1) / 2.0) / ((double) bads * goods);
    }

    public static double gini(double auc) {
        return 2 * auc - 1;
    }

    /** Kolmogorov-Smirnov: the largest gap between the cumulative shares of bads and goods over the ROC points. */
    public static double ks(double[] probability, boolean[] bad) {
        return roc(probability, bad).stream().mapToDouble(p -> p[1] - p[0]).max().orElse(0);
    }

    public static double brier(double[] probability, boolean[] bad) {
        double sum = 0;
        for (int r = 0; r < bad.length; r++) {
            double error = probability[r] - (bad[r] ? 1 : 0);
            sum += error * error;
        }
        return sum / bad.length;
    }

    /** ROC points {false-positive rate, true-positive rate} from the riskiest case down, one per distinct value. */
    public static List<double[]> roc(double[] probability, boolean[] bad) {
        Integer[] order = ascending(probability);
        long bads = IntStream.range(0, bad.length).filter(r -> bad[r]).count();
        long goods = bad.length - bads;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        for (int i = order.length - 1; i >= 0; i--) {
            if (bad[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i == 0 || probability[order[i - 1]] != probability[order[i]]) {
                points.add(new double[] {goods == 0 ? 0 : (double) fp / goods, bads == 0 ? 0 : (double) tp / bads});
            }
        }
        return points;
    }

    /** One calibration band: mean predicted probability against the observed bad rate. */
    public record Band(double fromProbability, double toProbability, int cases, double predicted, double observed) {
    }

    /** Calibration by equal-count bands of predicted probability. */
    public static List<Band> calibration(double[] probability, boolean[] bad, int bands) {
        Integer[] order = ascending(probability);
        List<Band> result = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            int from = (int) ((long) b * order.length / bands);
            int to = (int) ((long) (b + 1) * order.length / bands);
            if (to <= from) {
                continue;
            }
            double predicted = 0;
            int bads = 0;
            for (int i = from; i < to; i++) {
                predicted += probability[order[i]];
                bads += bad[order[i]] ? 1 : 0;
            }
            result.add(new Band(probability[order[from]], probability[order[to - 1]], to - from,
                    predicted / (to - from), (double) bads / (to - from)));
        }
        return result;
    }

    private static Integer[] ascending(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return order;
    }
}
