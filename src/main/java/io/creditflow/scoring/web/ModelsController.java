package io.creditflow.scoring.web;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.monitoring.StabilityMonitor;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.scoring.training.TrainingParameters;
import io.creditflow.scoring.training.TrainingService;
import io.creditflow.scoring.training.Trainings;
import io.creditflow.scoring.valuation.PortfolioValuation;
import io.creditflow.scoring.web.ScoringJson.ModelList;
import io.creditflow.scoring.web.ScoringJson.TrainingResponse;
import io.creditflow.scoring.web.ScoringJson.ValuationResponse;
import io.creditflow.scoring.web.ScoringJson.WorkItemJson;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The model registry, training and valuation over the API. Activating a model is not here: it is a person's decision,
 * taken in the console (see ScoringModels#activate).
 */
@RestController
@RequestMapping("/api/v1/scoring")
class ModelsController {

    private final ScoringModels models;
    private final TrainingService training;
    private final Trainings trainings;
    private final PortfolioValuation valuation;
    private final StabilityMonitor stability;

    ModelsController(ScoringModels models, TrainingService training, Trainings trainings,
                     PortfolioValuation valuation, StabilityMonitor stability) {
        this.models = models;
        this.training = training;
        this.trainings = trainings;
        this.valuation = valuation;
        this.stability = stability;
    }

    @GetMapping("/models")
    @PreAuthorize("hasAuthority('scoring:read')")
    ModelList list(@RequestParam(required = false) @Nullable String purpose) {
        return new ModelList(models.list(Purpose.parse(required("purpose", purpose))));
    }

    @GetMapping("/models/{id}")
    @PreAuthorize("hasAuthority('scoring:read')")
    ModelCard card(@PathVariable UUID id) {
        return models.card(id);
    }

    /** The self-contained HTML validation report (metrics, pictures, IV, points table). */
    @GetMapping(value = "/models/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAuthority('scoring:read')")
    String report(@PathVariable UUID id) {
        return models.report(id);
    }

    @GetMapping("/models/{id}/stability")
    @PreAuthorize("hasAuthority('scoring:read')")
    List<StabilityMonitor.Measurement> stability(@PathVariable UUID id) {
        models.card(id);
        return stability.history(id, 365);
    }

    @GetMapping(value = "/models/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('scoring:manage')")
    ResponseEntity<String> export(@PathVariable UUID id) {
        ModelCard card = models.card(id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"model-"
                + card.purpose().path() + "-v" + card.version() + ".json\"").body(models.export(id));
    }

    /** Registers an exported model as a new candidate version (201); it serves nothing until a person activates it. */
    @PostMapping(value = "/models/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('scoring:manage')")
    ResponseEntity<ModelCard> importModel(@RequestBody String export) {
        ModelCard card = models.importJson(export);
        return ResponseEntity.created(URI.create("/api/v1/scoring/models/" + card.id())).body(card);
    }

    /**
     * Trains on an uploaded CSV (multipart: {@code file} and the fields of TrainingParameters). The file is read and
     * checked before the answer; training runs in the background (202, follow Location for progress).
     */
    @PostMapping(value = "/trainings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('scoring:manage')")
    ResponseEntity<TrainingResponse> trainCsv(@RequestParam(required = false) @Nullable String purpose,
                                              @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
                                              @RequestParam(required = false) @Nullable String name,
                                              @RequestParam(required = false) @Nullable String target,
                                              @RequestParam(required = false) @Nullable String positive,
                                              @RequestParam(required = false) @Nullable String separator,
                                              @RequestParam(required = false) @Nullable Boolean header,
                                              @RequestParam(required = false) @Nullable List<String> ignore,
                                              @RequestParam(required = false) @Nullable Integer folds,
                                              @RequestParam(required = false) @Nullable Long seed) throws IOException {
        // parameters are checked here, after the scope check, so a caller without the scope learns nothing (403)
        Purpose parsed = Purpose.parse(required("purpose", purpose));
        if (file == null) {
            throw new ValidationException("a CSV file is required", List.of(
                    new FieldError("file", "is required")));
        }
        TrainingParameters parameters = new TrainingParameters(required("name", name), required("target", target),
                required("positive", positive), separator, header, ignore, null, null, null, folds, seed, null, null,
                null);
        UUID id = training.trainFromCsv(parsed, filename(file), file.getBytes(), parameters);
        return accepted(id);
    }

    /** Trains a collectability model on the tenant's own history (JSON: name, from, to, horizonDays, ...). */
    @PostMapping(value = "/trainings/history", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('scoring:manage')")
    ResponseEntity<TrainingResponse> trainHistory(@RequestParam(required = false) @Nullable String purpose,
                                                  @RequestBody TrainingParameters parameters) {
        return accepted(training.trainFromHistory(Purpose.parse(required("purpose", purpose)), parameters));
    }

    @GetMapping("/trainings/{id}")
    @PreAuthorize("hasAuthority('scoring:read')")
    TrainingResponse trainingStatus(@PathVariable UUID id) {
        return TrainingResponse.of(trainings.get(id));
    }

    @GetMapping("/valuation")
    @PreAuthorize("hasAuthority('scoring:read')")
    ValuationResponse valuation() {
        return ValuationResponse.of(valuation.value());
    }

    /** The collectors' worklist: open invoices by expected recovery, largest first. */
    @GetMapping("/worklist")
    @PreAuthorize("hasAuthority('scoring:read')")
    List<WorkItemJson> worklist(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("Invalid limit.", List.of(new FieldError("limit", "between 1 and 1000")));
        }
        return valuation.value().items().stream().limit(limit).map(ScoringJson::workItem).toList();
    }

    private ResponseEntity<TrainingResponse> accepted(UUID id) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/scoring/trainings/" + id))
                .body(TrainingResponse.of(trainings.get(id)));
    }

    static String filename(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "upload.csv";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + " is required", List.of(
                    new FieldError(field, "is required")));
        }
        return value;
    }
}
