package io.creditflow.scoring.engine;

import io.creditflow.scoring.report.HtmlReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SegmentedScorecardUnitTest {

    private static final ScorecardOptions SINGLE = ScorecardOptions.defaults()
            .withSegmentation(ScorecardOptions.Segmentation.NONE);
    private static final Dataset TRAINING = SyntheticData.interaction(1, 8000);
    private static final Dataset HELD_OUT = SyntheticData.interaction(2, 4000);
    private static ScorecardTrainer.Result segmented;

    @BeforeAll
    static void train() {
        segmented = new ScorecardTrainer(ScorecardOptions.defaults()).build(TRAINING);
    }

    @Test
    void anInteractionIsSegmentedOnItsVariableAndPredictsBetterOnNewData() {
        Segments segments = segmented.scorecard().segments();
        assertThat(segments).isNotNull();
        assertThat(segments.variable()).isEqualTo("late");
        assertThat(segments.segments()).extracting(Segments.Segment::name)
                .containsExactlyInAnyOrder("late: 0", "late: 1 | 2 | 3");
        assertThat(segments.segments()).allSatisfy(s -> assertThat(s.scorecard().characteristics())
                .extracting(Characteristic::variable).contains("utilisation"));
        double single = Metrics.auc(new ScorecardTrainer(SINGLE).train(TRAINING).probabilities(HELD_OUT),
                HELD_OUT.bad());
        double split = Metrics.auc(segmented.scorecard().probabilities(HELD_OUT), HELD_OUT.bad());
        assertThat(split).isGreaterThan(single + 0.03);
        assertThat(segmented.variables()).filteredOn(v -> v.variable().equals("late")).singleElement()
                .satisfies(v -> assertThat(v.status()).startsWith("splits the population"));
    }

    @Test
    void aCaseIsScoredAndExplainedByItsSegmentsCard() {
        Segments segments = segmented.scorecard().segments();
        Map<String, Object> lateCase = Map.of("late", 2, "utilisation", 95.0, "tenure", 10);
        Scorecard lateCard = segments.segments().stream().filter(s -> s.name().equals("late: 1 | 2 | 3"))
                .findFirst().orElseThrow().scorecard();
        assertThat(segmented.scorecard().score(lateCase)).isEqualTo(lateCard.score(lateCase));
        assertThat(segmented.scorecard().explain(lateCase)).isEqualTo(lateCard.explain(lateCase));
        assertThat(segmented.scorecard().contributions(lateCase)).isEqualTo(lateCard.contributions(lateCase));
        // the highest utilisation is the best attribute for a late payer and the worst for a current one
        Map<String, Object> currentCase = Map.of("late", 0, "utilisation", 95.0, "tenure", 10);
        assertThat(segmented.scorecard().explain(currentCase).reasons()).extracting(Reason::variable)
                .contains("utilisation");
        assertThat(segmented.scorecard().explain(lateCase).reasons()).extracting(Reason::variable)
                .doesNotContain("utilisation");
        assertThat(segmented.scorecard().inputs()).containsExactlyInAnyOrder("late", "utilisation", "tenure");
    }

    @Test
    void batchScoresEqualSingleScoresAndAnUnseenSplitValueGoesToTheLargerSegment() {
        double[] batch = segmented.scorecard().probabilities(HELD_OUT);
        for (int r = 0; r < 50; r++) {
            assertThat(batch[r]).isCloseTo(segmented.scorecard().probability(HELD_OUT.row(r)), within(1e-12));
        }
        Segments segments = segmented.scorecard().segments();
        Segments.Segment larger = segments.segments().get(segments.unseenSegment());
        assertThat(larger.name()).isEqualTo("late: 0");
        Map<String, Object> unknownCode = Map.of("late", 9, "utilisation", 40.0, "tenure", 30);
        assertThat(segmented.scorecard().score(unknownCode)).isEqualTo(larger.scorecard().score(unknownCode));
    }

    @Test
    void trainingTwiceGivesTheSameSegmentedCard() {
        assertThat(new ScorecardTrainer(ScorecardOptions.defaults()).build(TRAINING)).isEqualTo(segmented);
    }

    @Test
    void aSmallDataSetIsNeverSplitAndGetsExactlyTheSingleCard() {
        Dataset small = SyntheticData.interaction(3, 1500); // fewer than 2 x 500 bads
        ScorecardTrainer.Result result = new ScorecardTrainer(ScorecardOptions.defaults()).build(small);
        assertThat(result.scorecard().segments()).isNull();
        assertThat(result).isEqualTo(new ScorecardTrainer(SINGLE).build(small));
    }

    @Test
    void anAdditiveDataSetLargeEnoughToSplitStaysSingle() {
        Dataset additive = SyntheticData.loans(7, 6000);
        assertThat(new Segmenter(ScorecardOptions.defaults()).candidates(additive, rankedBinnings(additive)))
                .isNotEmpty();
        ScorecardTrainer.Result result = new ScorecardTrainer(ScorecardOptions.defaults()).build(additive);
        assertThat(result.scorecard().segments()).isNull();
        assertThat(result).isEqualTo(new ScorecardTrainer(SINGLE).build(additive));
    }

    @Test
    void aSegmentedModelFileScoresIdenticallyAndItsReportNamesTheSegments(@TempDir Path directory) {
        ModelBuilder.Outcome outcome = new ModelBuilder(ScorecardOptions.defaults(), BoostingOptions.defaults())
                .build(TRAINING, "1", 2);
        assertThat(outcome.scorecard().segments()).isNotNull();
        Path path = directory.resolve("model.json");
        outcome.file().write(path);
        ModelFile loaded = ModelFile.read(path);
        assertThat(loaded.scorecard()).isEqualTo(outcome.scorecard());
        assertThat(loaded.scorecard().probabilities(HELD_OUT))
                .containsExactly(outcome.scorecard().probabilities(HELD_OUT));
        Map<String, Object> someCase = HELD_OUT.row(7);
        assertThat(loaded.scorecard().explain(someCase)).isEqualTo(outcome.scorecard().explain(someCase));
        assertThat(loaded.toJson()).isEqualTo(outcome.file().toJson()).contains("\"segments\"", "\"unseenSegment\"");
        assertThat(HtmlReport.render(outcome, 2)).contains("Segmented scorecard", "Segment late: 0",
                "Segment late: 1 | 2 | 3");
    }

    @Test
    void aSingleCardsFileHasNoSegmentsField() {
        Scorecard single = new ScorecardTrainer(SINGLE).train(SyntheticData.loans(7, 1000));
        ModelFile file = new ModelFile(ModelFile.FORMAT, null, single, java.util.List.of(), null, Map.of());
        assertThat(file.toJson()).doesNotContain("segments");
        assertThat(ModelFile.fromJson(file.toJson()).scorecard()).isEqualTo(single);
    }

    private static java.util.List<Binning> rankedBinnings(Dataset data) {
        WoeBinner binner = new WoeBinner(BinningOptions.defaults());
        return data.columns().stream().map(c -> binner.bin(c, data.bad()))
                .filter(b -> b.informationValue() >= 0.02)
                .sorted(java.util.Comparator.comparingDouble(Binning::informationValue).reversed()).toList();
    }
}
