package io.creditflow.scoring;

import io.creditflow.platform.Actor;
import io.creditflow.scoring.engine.BoostingOptions;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.ModelBuilder;
import io.creditflow.scoring.engine.ScorecardOptions;
import io.creditflow.scoring.engine.SyntheticData;
import io.creditflow.scoring.registry.Algorithm;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.Role;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.scoring.registry.TrainedModel;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.UUID;
import java.util.function.Supplier;

/** Models for integration tests: trained on seeded synthetic loans (income, housing, noise), 3 folds to stay fast. */
public final class ScoringFixtures {

    private ScoringFixtures() {
    }

    public static Dataset loans(long seed, int rows) {
        return SyntheticData.loans(seed, rows);
    }

    public static TrainedModel trained(Purpose purpose, Dataset data, String name) {
        ModelBuilder.Outcome outcome = new ModelBuilder(ScorecardOptions.defaults(), BoostingOptions.defaults())
                .build(data, "bad", 3);
        try {
            return TrainedModel.of(new TrainedModel.Origin(purpose, name, TrainedModel.Source.CSV, "loans.csv", null,
                    null, purpose == Purpose.COLLECTABILITY ? 30 : null), data, outcome, 3, 1.0);
        } finally {
            outcome.challenger().close();
        }
    }

    /** Runs as a signed-in person (the only kind of actor that may activate a model). */
    public static <T> T asPerson(String name, Supplier<T> work) {
        Actor.Principal principal = () -> new Actor(Actor.Type.USER, "user-" + name, name, null);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null,
                "scoring:manage"));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Registers a model trained on the loans and makes it the champion (as a person). */
    public static ModelCard champion(ScoringModels models, Purpose purpose, Dataset data) {
        ModelCard card = models.register(trained(purpose, data, "test " + purpose), "tester");
        return asPerson("tester", () -> models.activate(card.id(), Role.CHAMPION, Algorithm.SCORECARD,
                "integration test"));
    }

    private static TrainedModel sharedAcceptance;

    /**
     * Registers an acceptance model on the seeded loans (trained once per test run: the same file every time) and
     * makes it the champion, for tests that only need some active model (the privacy fixtures).
     */
    public static synchronized ModelCard sharedAcceptanceChampion(ScoringModels models) {
        if (sharedAcceptance == null) {
            sharedAcceptance = trained(Purpose.ACCEPTANCE, loans(5, 400), "shared acceptance model");
        }
        ModelCard card = models.register(sharedAcceptance, "tester");
        return asPerson("tester", () -> models.activate(card.id(), Role.CHAMPION, Algorithm.SCORECARD,
                "privacy fixtures"));
    }

    public static UUID id(ModelCard card) {
        return card.id();
    }
}
