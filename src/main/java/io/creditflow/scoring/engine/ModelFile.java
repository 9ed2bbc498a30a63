package io.creditflow.scoring.engine;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The model file: the scorecard in full (bins, WoE, coefficients, points), the challenger (feature encoding and the
 * XGBoost booster as base64 UBJSON), what happened to each variable and the validation. Plain records as JSON, so a
 * reviewer can read the card without the product. No timestamp, and map entries sorted: the same data and seed give
 * the same file, apart from the measured training seconds.
 */
public record ModelFile(String format, DataSummary data, Scorecard scorecard, List<VariableSummary> variables,
                        Challenger challenger, Map<String, Validation> validation) {

    public static final String FORMAT = "creditflow-scoring/1";

    /** Map entries sorted: the same model is the same text, whatever order a map was filled in. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** What the models were trained on. */
    public record DataSummary(String target, String positive, int rows, int bads, List<String> features) {
    }

    /** The boosted challenger as stored. */
    public record Challenger(FeatureEncoding encoding, int rounds, String booster) {

        static Challenger of(BoostedModel model) {
            return new Challenger(model.encoding(), model.rounds(),
                    Base64.getEncoder().encodeToString(model.boosterBytes()));
        }

        public BoostedModel load() {
            return BoostedModel.load(encoding, Base64.getDecoder().decode(booster), rounds);
        }
    }

    public static ModelFile of(DataSummary data, ScorecardTrainer.Result scorecard, BoostedModel challenger,
                               Map<String, Validation> validation) {
        return new ModelFile(FORMAT, data, scorecard.scorecard(), scorecard.variables(), Challenger.of(challenger),
                validation);
    }

    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    public static ModelFile fromJson(String json) {
        ModelFile file;
        try {
            file = JSON.readValue(json, ModelFile.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new DataException("not a Creditflow model file: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(file.format())) {
            throw new DataException("unknown model file format '" + file.format() + "', expected " + FORMAT);
        }
        return file;
    }

    public void write(Path path) {
        try {
            Files.writeString(path, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public static ModelFile read(Path path) {
        try {
            return fromJson(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
