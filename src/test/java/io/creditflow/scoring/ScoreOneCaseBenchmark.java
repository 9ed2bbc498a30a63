package io.creditflow.scoring;

import io.creditflow.scoring.engine.BoostedModel;
import io.creditflow.scoring.engine.BoostingOptions;
import io.creditflow.scoring.engine.BoostingTrainer;
import io.creditflow.scoring.engine.CsvFormat;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.DatasetReader;
import io.creditflow.scoring.engine.ScoredCase;
import io.creditflow.scoring.engine.Scorecard;
import io.creditflow.scoring.engine.ScorecardOptions;
import io.creditflow.scoring.engine.ScorecardTrainer;
import io.creditflow.scoring.engine.TargetSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scoring one case in-process, as a credit check at order time would: raw values in, score, probability and reason
 * codes out. Models trained on German credit with the default settings. Run by {@link ScoringBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoreOneCaseBenchmark {

    private Scorecard scorecard;
    private BoostedModel challenger;
    private Map<String, Object>[] cases;
    private int next;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void train() throws Exception {
        Path directory = Files.createTempDirectory("scoring-bench");
        Dataset german = new DatasetReader(CsvFormat.comma(), new TargetSpec("class", "bad"))
                .read(BenchmarkData.germanCsv(directory));
        scorecard = new ScorecardTrainer(ScorecardOptions.defaults()).train(german);
        challenger = new BoostingTrainer(BoostingOptions.defaults()).train(german);
        cases = new Map[german.rows()];
        for (int r = 0; r < cases.length; r++) {
            cases[r] = german.row(r);
        }
    }

    private Map<String, Object> nextCase() {
        next = (next + 1) % cases.length;
        return cases[next];
    }

    @Benchmark
    public ScoredCase scorecardWithReasons() {
        return scorecard.explain(nextCase());
    }

    @Benchmark
    public double challengerProbability() {
        return challenger.probability(nextCase());
    }
}
