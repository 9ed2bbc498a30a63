package io.creditflow.scoring.engine;

import java.util.List;

/**
 * Validation of one model: discrimination (AUC, Gini, KS), accuracy of the probabilities (Brier score, calibration
 * by band) and stability (PSI of the validated scores against the training scores).
 *
 * @param auc          mean of the per-fold AUCs in cross-validation, else the AUC of the given predictions
 * @param trainSeconds mean seconds to train one model (one fold in cross-validation)
 */
public record Validation(double auc, double gini, double ks, double brier, double psi, double trainSeconds,
                         List<Metrics.Band> calibration) {

    /** Bands of the calibration table and of the PSI. */
    public static final int BANDS = 10;

    public static Validation of(CrossValidation.Result cv, boolean[] bad, double[] trainingProbabilities) {
        return of(cv.meanAuc(), cv.outOfFold(), bad, trainingProbabilities, cv.meanTrainSeconds());
    }

    public static Validation of(double auc, double[] probability, boolean[] bad, double[] trainingProbabilities,
                                double trainSeconds) {
        return new Validation(auc, Metrics.gini(auc), Metrics.ks(probability, bad), Metrics.brier(probability, bad),
                Stability.psi(trainingProbabilities, probability, BANDS), trainSeconds,
                Metrics.calibration(probability, bad, BANDS));
    }
}
