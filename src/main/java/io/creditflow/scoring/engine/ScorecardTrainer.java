package io.creditflow.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a scorecard: bins every variable, screens by information value, fits a logistic regression on the WoE
 * values and drops, one at a time, any variable whose coefficient has the wrong sign. With WoE = ln(%bad/%good) a
 * variable can only add risk where its WoE is high, so every coefficient must be positive; a negative one means the
 * variable only corrects for another, correlated one, and its points would read backwards. With segmentation on
 * ({@link ScorecardOptions.Segmentation}), a {@link Segmenter} may split the population first and fit such a card per
 * segment.
 */
public final class ScorecardTrainer implements ModelTrainer {

    private final ScorecardOptions options;

    public ScorecardTrainer(ScorecardOptions options) {
        this.options = options;
    }

    /** A scorecard and what happened to each variable on the way. */
    public record Result(Scorecard scorecard, List<VariableSummary> variables) {
    }

    @Override
    public String name() {
        return "scorecard";
    }

    @Override
    public Scorecard train(Dataset training) {
        return build(training).scorecard();
    }

    public Result build(Dataset training) {
        WoeBinner binner = new WoeBinner(options.binning());
        Map<String, String> status = new LinkedHashMap<>();
        List<Binning> candidates = new ArrayList<>();
        List<Binning> all = new ArrayList<>();
        for (Column column : training.columns()) {
            Binning binning = binner.bin(column, training.bad());
            all.add(binning);
            if (binning.informationValue() < options.minInformationValue()) {
                status.put(binning.variable(), "screened out: IV below " + options.minInformationValue());
            } else {
                candidates.add(binning);
            }
        }
        candidates.sort(Comparator.comparingDouble(Binning::informationValue).reversed()
                .thenComparing(Binning::variable));
        if (options.segmentation().variables() > 0) {
            Segmenter segmenter = new Segmenter(options);
            java.util.Optional<Segmenter.Split> split = segmenter.choose(training, candidates);
            if (split.isPresent()) {
                return segmenter.build(training, split.get(), summaries(all, status));
            }
        }
        for (CrossCharacteristics.Cross cross : new CrossCharacteristics(options).find(training, candidates)) {
            if (options.crosses().replace()) {
                candidates.remove(cross.first());
                candidates.remove(cross.second());
                status.put(cross.first().variable(), "in the cross characteristic " + cross.binning().variable());
                status.put(cross.second().variable(), "in the cross characteristic " + cross.binning().variable());
            }
            candidates.add(cross.binning());
            all.add(cross.binning());
        }
        Scorecard scorecard = fit(training, candidates, status);
        return new Result(scorecard, summaries(all, status));
    }

    private static List<VariableSummary> summaries(List<Binning> all, Map<String, String> status) {
        List<Binning> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Binning::informationValue).reversed()
                .thenComparing(Binning::variable));
        return sorted.stream().map(b -> new VariableSummary(b.variable(), b.informationValue(),
                Woe.strength(b.informationValue()), status.getOrDefault(b.variable(), VariableSummary.IN_CARD)))
                .toList();
    }

    private Scorecard fit(Dataset training, List<Binning> candidates, Map<String, String> status) {
        List<Binning> selected = new ArrayList<>(candidates);
        List<double[]> woe = new ArrayList<>();
        for (Binning binning : selected) {
            woe.add(binning.woe(training));
        }
        while (true) {
            double[] beta = LogisticRegression.fit(woe.toArray(double[][]::new), training.bad(), options.c());
            int worst = -1;
            for (int j = 0; j < selected.size(); j++) {
                if (beta[j] <= 0 && (worst < 0 || beta[j] < beta[worst])) {
                    worst = j;
                }
            }
            if (worst < 0) {
                return card(selected, beta);
            }
            status.put(selected.get(worst).variable(), String.format(java.util.Locale.ROOT,
                    "dropped: coefficient %.3f has the wrong sign (collinear with a stronger variable)", beta[worst]));
            selected.remove(worst);
            woe.remove(worst);
        }
    }

    private Scorecard card(List<Binning> selected, double[] beta) {
        double intercept = beta[selected.size()];
        List<Characteristic> characteristics = new ArrayList<>();
        for (int j = 0; j < selected.size(); j++) {
            characteristics.add(Characteristic.of(selected.get(j), beta[j], intercept, selected.size(),
                    options.scaling()));
        }
        return new Scorecard(characteristics, intercept, options.scaling());
    }
}
