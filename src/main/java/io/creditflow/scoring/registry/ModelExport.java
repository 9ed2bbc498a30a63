package io.creditflow.scoring.registry;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ValidationException;
import io.creditflow.scoring.engine.BoostedModel;
import io.creditflow.scoring.engine.DataException;
import io.creditflow.scoring.engine.ModelFile;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A version as exported: the model file exactly as the engine wrote it (bins, WoE, points, the booster) and its card
 * data (origin, metrics, bands, PSI reference, pictures, report). Importing registers it as a new candidate version:
 * the receiving tenant's own history of who activated what starts afresh.
 */
public record ModelExport(String format, TrainedModel model, Exported exported) {

    public static final String FORMAT = "creditflow-scoring-registry/1";

    /** Where the export came from: its version number and training record at the source. */
    public record Exported(int version, OffsetDateTime trainedAt, String trainedBy) {
    }

    static ModelExport of(TrainedModel model, int version, OffsetDateTime trainedAt, String trainedBy) {
        return new ModelExport(FORMAT, model, new Exported(version, trainedAt, trainedBy));
    }

    /** Reads and checks an export: the format, the model file, and that the booster loads. */
    static ModelExport parse(JsonMapper json, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw invalid("empty: expected a model exported from Creditflow");
        }
        ModelExport export;
        try {
            export = json.readValue(text, ModelExport.class);
        } catch (JacksonException e) {
            throw invalid("not a Creditflow model export: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(export.format())) {
            throw invalid("unknown format '" + export.format() + "', expected " + FORMAT);
        }
        TrainedModel model = export.model();
        if (model == null || model.file() == null || model.purpose() == null || model.name() == null) {
            throw invalid("the export lacks its model, purpose or name");
        }
        try {
            ModelFile.fromJson(model.file().toJson());
            try (BoostedModel ignored = model.file().challenger().load()) {
                // loads: the booster bytes are a valid XGBoost model
            }
        } catch (DataException | IllegalArgumentException | NullPointerException e) {
            throw invalid("the model file does not load: " + e.getMessage());
        }
        if (model.metrics() == null || model.bands() == null || model.psiReference() == null
                || !model.bands().keySet().containsAll(List.of(Algorithm.values()))) {
            throw invalid("the export lacks the metrics, bands or PSI reference of both algorithms");
        }
        return export;
    }

    TrainedModel toTrainedModel() {
        String origin = "import of '" + model.name() + "' version " + exported.version();
        return new TrainedModel(model.purpose(), model.name(), TrainedModel.Source.IMPORT, origin, model.dataFrom(),
                model.dataTo(), model.horizonDays(), model.file(), model.metrics(), model.bands(),
                model.psiReference(), model.charts(), model.report(), model.trainingSeconds());
    }

    private static BusinessRuleException invalid(String reason) {
        return new ValidationException("The model export is not valid.", List.of(
                new BusinessRuleException.FieldError("file", reason)));
    }
}
