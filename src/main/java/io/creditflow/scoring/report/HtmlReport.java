package io.creditflow.scoring.report;

import io.creditflow.scoring.engine.Bin;
import io.creditflow.scoring.engine.Binning;
import io.creditflow.scoring.engine.Characteristic;
import io.creditflow.scoring.engine.Metrics;
import io.creditflow.scoring.engine.ModelBuilder;
import io.creditflow.scoring.engine.ModelFile;
import io.creditflow.scoring.engine.PdoScaling;
import io.creditflow.scoring.engine.Scorecard;
import io.creditflow.scoring.engine.Segments;
import io.creditflow.scoring.engine.Validation;
import io.creditflow.scoring.engine.VariableSummary;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The validation report of a model file as one self-contained HTML page: metrics of the scorecard and the
 * challenger, their pictures, the information value of every variable and the points table of the card.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:72em}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;"
            + "text-align:right}td:first-child,th:first-child{text-align:left}.charts svg{margin-right:1em}"
            + "h3{margin-bottom:.2em}.note{color:#555;font-size:.9em}td.text{text-align:left}";

    private HtmlReport() {
    }

    public static String render(ModelBuilder.Outcome outcome, int folds) {
        ModelFile file = outcome.file();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Scoring model report</title><style>").append(STYLE).append("</style></head><body>");
        ModelFile.DataSummary data = file.data();
        html.append("<h1>Scoring model report</h1><p>").append(data.rows()).append(" cases, ").append(data.bads())
                .append(" bad (").append(escape(data.target())).append(" = ").append(escape(data.positive()))
                .append("), ").append(data.features().size()).append(" candidate variables. Validation: stratified ")
                .append(folds).append("-fold cross-validation, out-of-fold predictions; PSI compares them with the "
                        + "final model's in-sample predictions.</p>");
        html.append(metrics(file.validation()));
        PdoScaling scaling = outcome.scorecard().scaling();
        outcome.outOfFold().forEach((model, probabilities) -> html.append(charts(model, probabilities,
                outcome.bad(), scaling)));
        html.append(variables(file));
        html.append(points(outcome.scorecard()));
        html.append("<h2>Challenger</h2><p>Gradient boosting (XGBoost), ").append(file.challenger().rounds())
                .append(" trees, the number chosen by early stopping on held-out fifths of the training rows.</p>");
        return html.append("</body></html>").toString();
    }

    private static String metrics(Map<String, Validation> validation) {
        StringBuilder html = new StringBuilder("<h2>Validation</h2><table><tr><th>model</th><th>AUC</th>"
                + "<th>Gini</th><th>KS</th><th>Brier</th><th>PSI</th><th>training s</th></tr>");
        validation.forEach((model, v) -> html.append("<tr><td>").append(escape(model)).append("</td>")
                .append(cells(v.auc(), v.gini(), v.ks(), v.brier(), v.psi(), v.trainSeconds())).append("</tr>"));
        html.append("</table>");
        validation.forEach((model, v) -> {
            html.append("<h3>Calibration by band: ").append(escape(model)).append("</h3><table><tr><th>band</th>")
                    .append("<th>cases</th><th>probability from</th><th>to</th><th>predicted</th><th>observed</th>")
                    .append("</tr>");
            int band = 1;
            for (Metrics.Band b : v.calibration()) {
                html.append("<tr><td>").append(band++).append("</td><td>").append(b.cases()).append("</td>")
                        .append(cells(b.fromProbability(), b.toProbability(), b.predicted(), b.observed()))
                        .append("</tr>");
            }
            html.append("</table>");
        });
        return html.toString();
    }

    private static String charts(String model, double[] probabilities, boolean[] bad, PdoScaling scaling) {
        double[] scores = Arrays.stream(probabilities).map(p -> scaling.score(Math.clamp(p, 1e-6, 1 - 1e-6)))
                .toArray();
        double[] goods = IntStream.range(0, bad.length).filter(r -> !bad[r]).mapToDouble(r -> scores[r]).toArray();
        double[] bads = IntStream.range(0, bad.length).filter(r -> bad[r]).mapToDouble(r -> scores[r]).toArray();
        return "<h2>Pictures: " + escape(model) + "</h2><div class=\"charts\">"
                + SvgCharts.roc(Metrics.roc(probabilities, bad), Metrics.auc(probabilities, bad))
                + SvgCharts.distribution(goods, bads, 20)
                + SvgCharts.calibration(Metrics.calibration(probabilities, bad, Validation.BANDS)) + "</div>"
                + "<p class=\"note\">Out-of-fold predictions; scores on the card's scale ("
                + plain(scaling.baseScore()) + " points at " + plain(scaling.baseOdds())
                + ":1 good:bad, " + plain(scaling.pdo()) + " points to double the odds).</p>";
    }

    private static String variables(ModelFile file) {
        StringBuilder html = new StringBuilder("<h2>Variables</h2><table><tr><th>variable</th><th>IV</th>"
                + "<th>strength</th><th>status</th></tr>");
        for (VariableSummary v : file.variables()) {
            html.append("<tr><td>").append(escape(v.variable())).append("</td>").append(cells(v.informationValue()))
                    .append("<td class=\"text\">").append(v.strength()).append("</td><td class=\"text\">")
                    .append(escape(v.status()))
                    .append("</td></tr>");
        }
        return html.append("</table><p class=\"note\">IV: &lt; 0.02 useless, 0.02-0.1 weak, 0.1-0.3 medium, "
                + "0.3-0.5 strong, &gt; 0.5 suspicious (check for leakage).</p>").toString();
    }

    private static String points(Scorecard card) {
        Segments segments = card.segments();
        if (segments == null) {
            return "<h2>Scorecard</h2>" + table(card, "h3");
        }
        StringBuilder html = new StringBuilder("<h2>Segmented scorecard</h2><p>The population is split on ")
                .append(escape(segments.variable())).append(" into ").append(segments.segments().size())
                .append(" segments, each with a card of its own (binning, coefficients and points), because that "
                        + "predicted better than one card on inner folds of the training data. All cards share "
                        + "the score scale. A case whose ").append(escape(segments.variable()))
                .append(" is in no bin is scored by the segment ")
                .append(escape(segments.segments().get(segments.unseenSegment()).name())).append(".</p>");
        for (Segments.Segment segment : segments.segments()) {
            html.append("<h3>Segment ").append(escape(segment.name())).append("</h3><p class=\"note\">")
                    .append(segment.rows()).append(" training rows, ").append(segment.bads()).append(" bads</p>")
                    .append(table(segment.scorecard(), "h4"));
        }
        return html.toString();
    }

    private static String table(Scorecard card, String heading) {
        StringBuilder html = new StringBuilder("<p>Score = sum of the points of the case's "
                + "attributes. Intercept " + SvgCharts.number(card.intercept(), 4) + ". WoE = ln(%bad / %good): "
                + "positive is riskier. A value in no bin scores the \"unseen\" points (WoE 0).</p>");
        for (Characteristic c : card.characteristics()) {
            html.append('<').append(heading).append('>').append(escape(c.variable())).append("</").append(heading)
                    .append("><p class=\"note\">coefficient ")
                    .append(SvgCharts.number(c.coefficient(), 4)).append(", IV ")
                    .append(SvgCharts.number(c.binning().informationValue(), 4)).append(classing(c.binning()))
                    .append("</p><table><tr>")
                    .append("<th>attribute</th><th>goods</th><th>bads</th><th>bad rate</th><th>WoE</th>")
                    .append("<th>points</th></tr>");
            for (int i = 0; i < c.binning().bins().size(); i++) {
                Bin bin = c.binning().bins().get(i);
                html.append("<tr><td>").append(escape(bin.label())).append("</td><td>").append(bin.goods())
                        .append("</td><td>").append(bin.bads()).append("</td>")
                        .append(cells(bin.eventRate(), bin.woe())).append("<td>")
                        .append(SvgCharts.number(c.points().get(i), 1)).append("</td></tr>");
            }
            html.append("<tr><td>unseen</td><td></td><td></td><td></td><td>0.0000</td><td>")
                    .append(SvgCharts.number(c.unseenPoints(), 1)).append("</td></tr></table>");
        }
        return html.toString();
    }

    /** The coarse-classing limits of a numeric variable, and whether they were chosen on inner folds. */
    private static String classing(Binning binning) {
        Binning.Classing classing = binning.classing();
        if (classing == null) {
            return "";
        }
        return ", coarse classing: at most " + classing.maxBins() + " bins of at least "
                + SvgCharts.number(100 * classing.minBinShare(), 1) + " % of the rows"
                + (classing.chosen() ? " (chosen on inner folds of the training rows)" : "");
    }

    private static String cells(double... values) {
        StringBuilder html = new StringBuilder();
        for (double value : values) {
            html.append("<td>").append(SvgCharts.number(value, 4)).append("</td>");
        }
        return html.toString();
    }

    /** 600 rather than 600.0, 0.5 rather than 0.5000. */
    private static String plain(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
