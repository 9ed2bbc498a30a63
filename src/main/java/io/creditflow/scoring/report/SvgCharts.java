package io.creditflow.scoring.report;

import io.creditflow.scoring.engine.Metrics;

import java.util.List;
import java.util.Locale;

/**
 * The three validation pictures as SVG text: ROC curve, score distribution of goods and bads, calibration. Drawn
 * by hand so the report needs no chart library and no script, and opens offline.
 */
public final class SvgCharts {

    static final int SIZE = 300;
    static final int MARGIN = 40;
    private static final int PLOT = SIZE - 2 * MARGIN;
    private static final String BAD = "#c0392b";
    private static final String GOOD = "#2471a3";

    private SvgCharts() {
    }

    /** ROC curve: share of bads caught (y) against share of goods declined (x). */
    public static String roc(List<double[]> points, double auc) {
        StringBuilder svg = frame("ROC curve, pooled AUC " + number(auc, 3), "goods declined", "bads caught");
        svg.append(ticks("0", "100 %", "100 %"));
        svg.append(line(0, 0, 1, 1, "#999", "4 3"));
        StringBuilder path = new StringBuilder();
        for (double[] p : points) {
            path.append(path.isEmpty() ? "" : " ").append(x(p[0])).append(',').append(y(p[1]));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(BAD).append("\" stroke-width=\"2\" points=\"")
                .append(path).append("\"/>");
        return svg.append("</svg>").toString();
    }

    /** Share of goods and of bads per score band: the further apart, the better the model separates. */
    public static String distribution(double[] goodScores, double[] badScores, int bands) {
        double min = Math.min(min(goodScores), min(badScores));
        double max = Math.max(max(goodScores), max(badScores));
        double width = (max - min) / bands == 0 ? 1 : (max - min) / bands;
        double[] goods = histogram(goodScores, min, width, bands);
        double[] bads = histogram(badScores, min, width, bands);
        double top = Math.max(max(goods), max(bads));
        StringBuilder svg = frame("Score distribution", "score " + number(min, 0) + " .. " + number(max, 0),
                "share of class");
        double barWidth = PLOT / (double) bands / 2;
        for (int b = 0; b < bands; b++) {
            svg.append(bar(MARGIN + b * 2 * barWidth, barWidth, goods[b] / top, GOOD));
            svg.append(bar(MARGIN + (b * 2 + 1) * barWidth, barWidth, bads[b] / top, BAD));
        }
        svg.append(legend("goods", GOOD, 0)).append(legend("bads", BAD, 1));
        return svg.append("</svg>").toString();
    }

    /** Observed bad rate against mean predicted probability per band; on the diagonal = well calibrated. */
    public static String calibration(List<Metrics.Band> bands) {
        double top = 0;
        for (Metrics.Band band : bands) {
            top = Math.max(top, Math.max(band.predicted(), band.observed()));
        }
        top = Math.min(1, Math.ceil(top * 10) / 10);
        StringBuilder svg = frame("Calibration", "predicted bad rate", "observed bad rate");
        svg.append(ticks("0", number(100 * top, 0) + " %", number(100 * top, 0) + " %"));
        svg.append(line(0, 0, 1, 1, "#999", "4 3"));
        for (Metrics.Band band : bands) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>",
                    x(band.predicted() / top), y(band.observed() / top), BAD));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder frame(String title, String xLabel, String yLabel) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"11\">", SIZE, SIZE, SIZE, SIZE));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>", MARGIN, MARGIN, PLOT, PLOT));
        svg.append(text(SIZE / 2.0, MARGIN - 12, title, "middle", 0));
        svg.append(text(SIZE / 2.0, SIZE - 12, xLabel, "middle", 0));
        svg.append(text(14, SIZE / 2.0, yLabel, "middle", -90));
        return svg;
    }

    /** Labels at the origin and at the ends of both axes. */
    private static String ticks(String origin, String xEnd, String yEnd) {
        return text(MARGIN, SIZE - MARGIN + 13, origin, "middle", 0)
                + text(SIZE - MARGIN, SIZE - MARGIN + 13, xEnd, "end", 0)
                + text(MARGIN - 4, MARGIN + 4, yEnd, "end", 0);
    }

    private static String text(double x, double y, String text, String anchor, int rotate) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>", x, y, anchor,
                rotate == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%d %.1f %.1f)\"", rotate, x, y),
                HtmlReport.escape(text));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-dasharray=\"%s\"/>", x(x1), y(y1), x(x2), y(y2), colour, dash);
    }

    private static String bar(double left, double width, double height, String colour) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                left, y(height), width, height * PLOT, colour);
    }

    private static String legend(String label, String colour, int row) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                SIZE - MARGIN - 60, MARGIN + 8 + row * 16, colour)
                + text(SIZE - MARGIN - 45, MARGIN + 17 + row * 16, label, "start", 0);
    }

    private static double[] histogram(double[] values, double min, double width, int bands) {
        double[] shares = new double[bands];
        for (double value : values) {
            shares[Math.min(bands - 1, (int) ((value - min) / width))] += 1.0 / values.length;
        }
        return shares;
    }

    private static double x(double share) {
        return MARGIN + share * PLOT;
    }

    private static double y(double share) {
        return MARGIN + (1 - share) * PLOT;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(1);
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
