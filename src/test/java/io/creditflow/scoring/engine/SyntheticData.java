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
}
