package io.creditflow.scoring.engine;

/**
 * Points-to-double-the-odds scaling: score = Offset + Factor · ln(odds good:bad), Factor = PDO / ln 2,
 * Offset = Base - Factor · ln(BaseOdds). The usual convention 600 points at 50:1 with PDO 20 gives Factor 28.8539
 * and Offset 487.1229: 620 points is 100:1, 580 points 25:1.
 */
public record PdoScaling(double baseScore, double baseOdds, double pdo) {

    public PdoScaling {
        if (baseOdds <= 0 || pdo <= 0) {
            throw new IllegalArgumentException("base odds and PDO must be positive");
        }
    }

    public static PdoScaling defaults() {
        return new PdoScaling(600, 50, 20);
    }

    public double factor() {
        return pdo / Math.log(2);
    }

    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    public double score(double probabilityBad) {
        return offset() + factor() * Math.log((1 - probabilityBad) / probabilityBad);
    }

    public double probabilityBad(double score) {
        double oddsGood = Math.exp((score - offset()) / factor());
        return 1 / (1 + oddsGood);
    }
}
