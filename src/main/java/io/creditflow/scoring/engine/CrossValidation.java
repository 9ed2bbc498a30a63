package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Stratified k-fold cross-validation: every fold has the data's bad rate; the same seed gives the same folds. */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** The fold of every row: bads and goods are shuffled separately and dealt round-robin. */
    public static int[] folds(boolean[] bad, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
        }
        int[] fold = new int[bad.length];
        Random random = new Random(seed);
        int dealt = 0;
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> rows = new ArrayList<>(IntStream.range(0, bad.length).filter(r -> bad[r] == cls).boxed()
                    .toList());
            Collections.shuffle(rows, random);
            for (int row : rows) {
                fold[row] = dealt++ % folds;
            }
        }
        return fold;
    }

    /** Out-of-fold probabilities, per-fold AUCs and training times of one trainer. */
    public record Result(String model, double[] outOfFold, double[] foldAuc, double[] trainSeconds) {

        public double meanAuc() {
            return java.util.Arrays.stream(foldAuc).average().orElse(Double.NaN);
        }

        public double meanTrainSeconds() {
            return java.util.Arrays.stream(trainSeconds).average().orElse(0);
        }
    }

    public static Result run(Dataset data, ModelTrainer trainer, int folds, long seed) {
        return run(data, trainer, folds, seed, fold -> { });
    }

    /** As {@link #run(Dataset, ModelTrainer, int, long)}, telling {@code afterFold} the number of each finished fold. */
    public static Result run(Dataset data, ModelTrainer trainer, int folds, long seed,
                             java.util.function.IntConsumer afterFold) {
        if (data.bads() < folds || data.rows() - data.bads() < folds) {
            throw new DataException("too few bads or goods for " + folds + " folds: " + data.bads() + " bads, "
                    + (data.rows() - data.bads()) + " goods");
        }
        int[] fold = folds(data.bad(), folds, seed);
        double[] outOfFold = new double[data.rows()];
        double[] auc = new double[folds];
        double[] seconds = new double[folds];
        for (int k = 0; k < folds; k++) {
            int f = k;
            int[] train = IntStream.range(0, fold.length).filter(r -> fold[r] != f).toArray();
            int[] test = IntStream.range(0, fold.length).filter(r -> fold[r] == f).toArray();
            long start = System.nanoTime();
            ScoringModel model = trainer.train(data.select(train));
            seconds[k] = (System.nanoTime() - start) / 1e9;
            Dataset testData = data.select(test);
            double[] predicted = model.probabilities(testData);
            auc[k] = Metrics.auc(predicted, testData.bad());
            for (int i = 0; i < test.length; i++) {
                outOfFold[test[i]] = predicted[i];
            }
            if (model instanceof AutoCloseable closeable) {
                close(closeable);
            }
            afterFold.accept(k + 1);
        }
        return new Result(trainer.name(), outOfFold, auc, seconds);
    }

    private static void close(AutoCloseable model) {
        try {
            model.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot release a fold's model", e);
        }
    }
}
