package io.creditflow.scoring.engine;

import java.util.List;

/**
 * Weight of evidence and information value. WoE_i = ln((bads_i / bads) / (goods_i / goods)), positive = riskier.
 * Half a case is added to each bin's goods and bads and to the totals, so a bin without goods or without bads gets
 * a large but finite WoE instead of infinity.
 */
public final class Woe {

    static final double SMOOTHING = 0.5;

    private Woe() {
    }

    public static double woe(long goods, long bads, long totalGoods, long totalBads) {
        double badShare = (bads + SMOOTHING) / (totalBads + SMOOTHING);
        double goodShare = (goods + SMOOTHING) / (totalGoods + SMOOTHING);
        return Math.log(badShare / goodShare);
    }

    /** IV = Σ (%bad_i - %good_i) · WoE_i, on the raw shares and the smoothed WoE. */
    public static double informationValue(List<Bin> bins) {
        long goods = bins.stream().mapToLong(Bin::goods).sum();
        long bads = bins.stream().mapToLong(Bin::bads).sum();
        double iv = 0;
        for (Bin bin : bins) {
            iv += ((double) bin.bads() / bads - (double) bin.goods() / goods) * bin.woe();
        }
        return iv;
    }

    /** The rule-of-thumb strength of an information value (Siddiqi). */
    public static String strength(double iv) {
        if (iv < 0.02) {
            return "useless";
        } else if (iv < 0.1) {
            return "weak";
        } else if (iv < 0.3) {
            return "medium";
        } else if (iv <= 0.5) {
            return "strong";
        }
        return "suspicious";
    }
}
