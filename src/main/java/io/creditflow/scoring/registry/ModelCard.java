package io.creditflow.scoring.registry;

import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.engine.Validation;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A version's model card: what it was trained on (source, data window, horizon, cases, features), how well it
 * validated (out-of-fold metrics of both algorithms), its bands, when and by whom it was trained and activated.
 */
public record ModelCard(UUID id, Purpose purpose, int version, String name, Role role, Algorithm algorithm,
                        TrainedModel.Source source, @Nullable String sourceName, @Nullable LocalDate dataFrom,
                        @Nullable LocalDate dataTo, @Nullable Integer horizonDays, int cases, int bads,
                        List<String> features, Map<Algorithm, Validation> metrics, Map<Algorithm, Bands> bands,
                        double trainingSeconds, OffsetDateTime trainedAt, String trainedBy,
                        @Nullable OffsetDateTime activatedAt, @Nullable String activatedBy,
                        @Nullable String activationNote) {

    public ModelCard {
        features = List.copyOf(features);
        metrics = Map.copyOf(metrics);
        bands = Map.copyOf(bands);
    }

    public boolean active() {
        return role == Role.CHAMPION || role == Role.CHALLENGER;
    }

    /** The validation of the algorithm that serves. */
    public Validation servingMetrics() {
        return metrics.get(algorithm);
    }

    public Bands servingBands() {
        return bands.get(algorithm);
    }
}
