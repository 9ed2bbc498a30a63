package io.creditflow.scoring.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileUnitTest {

    private static final Dataset DATA = SyntheticData.loans(3, 1500);
    private static ModelBuilder.Outcome outcome;

    @BeforeAll
    static void train() {
        outcome = builder(42).build(DATA, "1", 3);
    }

    private static ModelBuilder builder(long seed) {
        return new ModelBuilder(ScorecardOptions.defaults(), BoostingOptions.defaults().withSeed(seed));
    }

    @Test
    void aLoadedModelScoresExactlyAsTheTrainedOne(@TempDir Path directory) {
        Path path = directory.resolve("model.json");
        outcome.file().write(path);
        ModelFile loaded = ModelFile.read(path);
        assertThat(loaded.scorecard()).isEqualTo(outcome.scorecard());
        assertThat(loaded.scorecard().probabilities(DATA)).containsExactly(outcome.scorecard().probabilities(DATA));
        BoostedModel challenger = loaded.challenger().load();
        assertThat(challenger.probabilities(DATA)).containsExactly(outcome.challenger().probabilities(DATA));
        assertThat(challenger.probability(DATA.row(5))).isEqualTo(outcome.challenger().probability(DATA.row(5)));
        assertThat(loaded.toJson()).isEqualTo(outcome.file().toJson());
        // the classing chosen per numeric variable survives the round trip
        assertThat(outcome.file().toJson()).contains("\"classing\"", "\"chosen\" : true");
        assertThat(loaded.scorecard().characteristics()).map(c -> c.binning())
                .filteredOn(b -> b.kind() == Binning.Kind.NUMERIC).isNotEmpty()
                .allSatisfy(b -> assertThat(b.classing().chosen()).isTrue());
    }

    @Test
    void sameDataAndSeedGiveTheSameModel() {
        ModelFile again = builder(42).build(DATA, "1", 3).file();
        assertThat(withoutTimes(again.toJson())).isEqualTo(withoutTimes(outcome.file().toJson()));
    }

    @Test
    void anotherSeedGivesAnotherChallenger() {
        ModelFile other = builder(7).build(DATA, "1", 3).file();
        assertThat(other.challenger().booster()).isNotEqualTo(outcome.file().challenger().booster());
    }

    @Test
    void theFileCarriesTheCardAndItsValidation() {
        String json = outcome.file().toJson();
        assertThat(json).contains("\"format\" : \"creditflow-scoring/1\"", "\"woe\"", "\"points\"",
                "\"coefficient\"", "\"booster\"");
        assertThat(outcome.file().validation()).containsOnlyKeys("scorecard", "challenger");
        assertThat(outcome.file().validation().get("scorecard").auc()).isGreaterThan(0.7);
    }

    @Test
    void rejectsFilesThatAreNotModels() {
        assertThatThrownBy(() -> ModelFile.fromJson("{\"format\":\"other\"}"))
                .isInstanceOf(DataException.class).hasMessageContaining("unknown model file format");
        assertThatThrownBy(() -> ModelFile.fromJson("not json"))
                .isInstanceOf(DataException.class).hasMessageContaining("not a Creditflow model file");
    }

    /** Training times differ from run to run; everything else must not. */
    private static String withoutTimes(String json) {
        return json.replaceAll("\"trainSeconds\" : [0-9.Ee-]+", "\"trainSeconds\" : 0");
    }
}
