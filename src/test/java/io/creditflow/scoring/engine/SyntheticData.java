package io.creditflow.scoring.engine;

import java.util.List;
import java.util.Random;

/** Seeded synthetic loan data: a numeric, a categorical and a noise variable that drive a known risk. */
public final class SyntheticData {

    private SyntheticData() {
    }

    public static Dataset loans(long seed, int rows) {
        Random random = new Random(seed);
        double[] income = new double[rows];
        String[] housing = new String[rows];
        double[] noise = new double[rows];
        boolean[] bad = new boolean[rows];
        String[] kinds = {"own", "rent", "free", "parents"};
        double[] kindRisk = {-0.8, 0.4, 0.6, 0.1};
        for (int r = 0; r < rows; r++) {
            income[r] = random.nextDouble() < 0.03 ? Double.NaN : Math.round(2000 + random.nextGaussian() * 800);
            int kind = random.nextInt(kinds.length);
            housing[r] = random.nextDouble() < 0.02 ? null : kinds[kind];
            noise[r] = random.nextInt(100);
            double incomeEffect = Double.isNaN(income[r]) ? 0.5 : -(income[r] - 2000) / 600;
            double logit = -1 + incomeEffect + kindRisk[kind];
            bad[r] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return new Dataset(List.of(new Column.Numeric("income", income), new Column.Categorical("housing", housing),
                new Column.Numeric("noise", noise)), "bad", bad);
    }

    /**
     * Seeded data where one variable changes how another predicts: "late" (a months-late code, 0 or 1..3) splits
     * the population, and "utilisation" raises the risk of current payers but lowers it for late ones (who use
     * their limit because they are still paying). An additive card can use "utilisation" only on average; a card
     * per segment of "late" uses it fully. "tenure" lowers the risk everywhere.
     */
    public static Dataset interaction(long seed, int rows) {
        Random random = new Random(seed);
        double[] late = new double[rows];
        double[] utilisation = new double[rows];
        double[] tenure = new double[rows];
        boolean[] bad = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            late[r] = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(3);
            utilisation[r] = Math.round(random.nextDouble() * 1000) / 10.0;
            tenure[r] = random.nextInt(120);
            double u = (utilisation[r] - 50) / 20;
            double logit = (late[r] == 0 ? -1.6 + 1.2 * u : 0.3 + 0.1 * late[r] - 1.2 * u) - (tenure[r] - 60) / 80;
            bad[r] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return new Dataset(List.of(new Column.Numeric("late", late), new Column.Numeric("utilisation", utilisation),
                new Column.Numeric("tenure", tenure)), "bad", bad);
    }
}
