package io.creditflow.scoring.engine;

/**
 * One attribute of a binned variable: its label, the training counts and its weight of evidence.
 * Convention: WoE = ln(%bad / %good), so a positive WoE is riskier than average.
 */
public record Bin(String label, long goods, long bads, double woe) {

    public long count() {
        return goods + bads;
    }

    public double eventRate() {
        return count() == 0 ? 0 : (double) bads / count();
    }
}
