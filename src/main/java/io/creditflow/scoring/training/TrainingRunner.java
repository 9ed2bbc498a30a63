package io.creditflow.scoring.training;

import io.creditflow.platform.TenantScope;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.engine.BoostingOptions;
import io.creditflow.scoring.engine.DataException;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.ModelBuilder;
import io.creditflow.scoring.engine.ScorecardOptions;
import io.creditflow.scoring.history.AcceptanceOutcomes;
import io.creditflow.scoring.history.CollectabilityFeatures;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.scoring.registry.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Locale;
import java.util.UUID;

/**
 * Runs one training: reads the data (the stored upload, or the tenant's history), builds both models with
 * cross-validation while recording progress, and registers the result as a candidate version. No transaction is held
 * while the models train (minutes on large data); the model and the run's end are committed together, so a crash
 * leaves either no model and a run to retry, or both.
 */
@Component
class TrainingRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRunner.class);

    private final Trainings trainings;
    private final ScoringModels models;
    private final CollectabilityFeatures collectability;
    private final AcceptanceOutcomes acceptance;
    private final TenantScope tenants;
    private final TransactionTemplate transaction;

    TrainingRunner(Trainings trainings, ScoringModels models, CollectabilityFeatures collectability,
                   AcceptanceOutcomes acceptance, TenantScope tenants, PlatformTransactionManager transactionManager) {
        this.acceptance = acceptance;
        this.trainings = trainings;
        this.models = models;
        this.collectability = collectability;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    void run(UUID tenant, UUID trainingId) {
        try (TenantScope.Scope ignored = tenants.enter(tenant)) {
            trainings.start(trainingId).ifPresent(this::train);
        }
    }

    private void train(Trainings.Training training) {
        try {
            long start = System.nanoTime();
            trainings.progress(training.id(), 0, "reading the data");
            Data data = training.source().equals("CSV") ? csv(training) : history(training);
            TrainingParameters p = training.parameters();
            TrainingService.requireBothOutcomes(data.dataset(), p.foldsOrDefault());
            ScorecardOptions scorecard = ScorecardOptions.defaults().withScaling(p.scaling());
            int folds = p.foldsOrDefault();
            ModelBuilder.Outcome outcome = new ModelBuilder(scorecard,
                    BoostingOptions.defaults().withSeed(p.seedOrDefault()))
                    .build(data.dataset(), data.positive(), folds, (stage, done, total) ->
                            trainings.progress(training.id(), 100 * done / (total + 1), stage));
            try {
                trainings.progress(training.id(), 100 * (2 + 2 * folds) / (3 + 2 * folds), "charts and report");
                TrainedModel model = TrainedModel.of(data.origin(), data.dataset(), outcome, folds,
                        (System.nanoTime() - start) / 1e9);
                transaction.executeWithoutResult(status -> {
                    ModelCard card = models.register(model, training.createdBy());
                    trainings.done(training.id(), card.id());
                });
            } finally {
                outcome.challenger().close();
            }
        } catch (DataException | IllegalArgumentException e) {
            trainings.failed(training.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Training {} failed", training.id(), e);
            trainings.failed(training.id(), "internal error (" + e.getClass().getSimpleName() + "); see the log");
        }
    }

    private record Data(Dataset dataset, String positive, TrainedModel.Origin origin) {
    }

    private Data csv(Trainings.Training training) {
        TrainingParameters p = training.parameters();
        String fileName = training.sourceName() == null ? "upload.csv" : training.sourceName();
        Dataset dataset = TrainingService.read(fileName, trainings.upload(training.id()), p);
        return new Data(dataset, p.positive(), new TrainedModel.Origin(training.purpose(), p.name(),
                TrainedModel.Source.CSV, training.sourceName(), null, null, p.horizonDays()));
    }

    private Data history(Trainings.Training training) {
        TrainingParameters p = training.parameters();
        java.time.LocalDate to = p.to() == null ? collectability.today() : p.to();
        java.time.LocalDate from = p.from() == null ? to.minusYears(2) : p.from();
        if (training.purpose() == Purpose.ACCEPTANCE) {
            return acceptanceHistory(training, from, to);
        }
        CollectabilityFeatures.TrainingSet set = collectability.trainingSet(from, to, p.horizonOrDefault());
        if (set.data().rows() == 0) {
            throw new DataException(String.format(Locale.ROOT, "no collectability cases between %s and %s whose "
                    + "%d-day horizon has passed", from, set.to(), set.horizonDays()));
        }
        return new Data(set.data(), "true", new TrainedModel.Origin(training.purpose(), p.name(),
                TrainedModel.Source.HISTORY, set.invoices() + " invoices, " + set.data().rows() + " cases", set.from(),
                set.to(), set.horizonDays()));
    }

    /** Credit checks whose orders became invoices; bad when the invoice was not paid within the horizon after due. */
    private Data acceptanceHistory(Trainings.Training training, java.time.LocalDate from, java.time.LocalDate to) {
        TrainingParameters p = training.parameters();
        int horizon = p.horizonDays() == null ? AcceptanceOutcomes.DEFAULT_HORIZON_DAYS : p.horizonDays();
        AcceptanceOutcomes.TrainingSet set = acceptance.trainingSet(from, to, horizon);
        if (set.data().rows() == 0) {
            throw new DataException(String.format(Locale.ROOT, "no credit checks between %s and %s whose order became "
                    + "an invoice due at least %d days ago", from, to, horizon));
        }
        return new Data(set.data(), "true", new TrainedModel.Origin(training.purpose(), p.name(),
                TrainedModel.Source.HISTORY, set.data().rows() + " credit checks whose order was invoiced", set.from(),
                set.to(), set.horizonDays()));
    }
}
