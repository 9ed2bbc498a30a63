package io.creditflow.scoring.engine;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.Random;

/**
 * L2-regularised logistic regression by liblinear (trust-region Newton on the primal: deterministic). liblinear
 * would also shrink the intercept; we switch that off, so the intercept stays the log-odds it should be.
 */
final class LogisticRegression {

    static {
        Linear.disableDebugOutput();
    }

    private LogisticRegression() {
    }

    /** Coefficients for the columns of {@code x[feature][row]}, then the intercept last; positive = more bad. */
    static double[] fit(double[][] x, boolean[] bad, double c) {
        int features = x.length;
        Problem problem = new Problem();
        problem.l = bad.length;
        problem.n = features + 1;
        problem.bias = 1;
        problem.y = new double[bad.length];
        problem.x = new Feature[bad.length][];
        for (int r = 0; r < bad.length; r++) {
            problem.y[r] = bad[r] ? 1 : 0;
            Feature[] row = new Feature[features + 1];
            for (int f = 0; f < features; f++) {
                row[f] = new FeatureNode(f + 1, x[f][r]);
            }
            row[features] = new FeatureNode(features + 1, 1);
            problem.x[r] = row;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 1e-6);
        parameter.setRegularizeBias(false);
        parameter.setRandom(new Random(0));
        Model model = Linear.train(problem, parameter);
        double[] weights = model.getFeatureWeights();
        // liblinear's weights favour its first label; make them favour "bad" (label 1)
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] result = new double[features + 1];
        for (int i = 0; i <= features; i++) {
            result[i] = sign * weights[i];
        }
        return result;
    }
}
