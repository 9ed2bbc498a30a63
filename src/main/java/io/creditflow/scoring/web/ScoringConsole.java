package io.creditflow.scoring.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.monitoring.StabilityMonitor;
import io.creditflow.scoring.registry.Algorithm;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.Role;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.scoring.training.TrainingParameters;
import io.creditflow.scoring.training.TrainingService;
import io.creditflow.scoring.training.Trainings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Console: the models of both purposes, a model's card with its pictures, activation, training and import. */
@Controller
@PreAuthorize("hasAuthority('scoring:read')")
class ScoringConsole {

    private final ScoringModels models;
    private final Trainings trainings;
    private final TrainingService training;
    private final StabilityMonitor stability;

    ScoringConsole(ScoringModels models, Trainings trainings, TrainingService training, StabilityMonitor stability) {
        this.models = models;
        this.trainings = trainings;
        this.training = training;
        this.stability = stability;
    }

    @GetMapping("/console/scoring")
    String models(Model model) {
        Map<Purpose, List<ModelCard>> byPurpose = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.values()) {
            byPurpose.put(purpose, models.list(purpose));
        }
        model.addAttribute("byPurpose", byPurpose);
        model.addAttribute("trainings", trainings.recent(10));
        model.addAttribute("alerts", stability.alerts());
        return "scoring/models";
    }

    @GetMapping("/console/scoring/models/{id}")
    String model(@PathVariable UUID id, Model model) {
        ModelCard card = models.card(id);
        model.addAttribute("card", card);
        model.addAttribute("charts", models.charts(id));
        model.addAttribute("file", models.modelFile(id));
        model.addAttribute("algorithms", Arrays.asList(Algorithm.values()));
        model.addAttribute("history", card.active() ? stability.history(id, 90) : List.of());
        return "scoring/model";
    }

    /** The HTML report as a file: it carries its own styles, which the console's security policy would block. */
    @GetMapping("/console/scoring/models/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable UUID id) {
        ModelCard card = models.card(id);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report-" + card.purpose().path()
                        + "-v" + card.version() + ".html\"")
                .body(models.report(id).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/console/scoring/models/{id}/export")
    @PreAuthorize("hasAuthority('scoring:manage')")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        ModelCard card = models.card(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"model-" + card.purpose().path()
                        + "-v" + card.version() + ".json\"")
                .body(models.export(id).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/console/scoring/models/{id}/activate")
    @PreAuthorize("hasAuthority('scoring:manage')")
    String activate(@PathVariable UUID id, @RequestParam String role, @RequestParam String algorithm,
                    @RequestParam String note, RedirectAttributes redirect) {
        try {
            models.activate(id, Role.valueOf(role), Algorithm.valueOf(algorithm), note);
            redirect.addFlashAttribute("notice", "scoring.activated");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/scoring/models/" + id;
    }

    @PostMapping("/console/scoring/models/{id}/retire")
    @PreAuthorize("hasAuthority('scoring:manage')")
    String retire(@PathVariable UUID id, @RequestParam String note, RedirectAttributes redirect) {
        try {
            models.retire(id, note);
            redirect.addFlashAttribute("notice", "scoring.retired");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/scoring/models/" + id;
    }

    @GetMapping("/console/scoring/train")
    @PreAuthorize("hasAuthority('scoring:manage')")
    String trainForm(Model model) {
        model.addAttribute("today", LocalDate.now());
        return "scoring/train";
    }

    @PostMapping("/console/scoring/trainings")
    @PreAuthorize("hasAuthority('scoring:manage')")
    String upload(@RequestParam String purpose, @RequestParam("file") MultipartFile file, @RequestParam String name,
                  @RequestParam String target, @RequestParam String positive,
                  @RequestParam(defaultValue = ",") String separator,
                  @RequestParam(defaultValue = "false") boolean noHeader,
                  @RequestParam(defaultValue = "") String ignore,
                  @RequestParam(defaultValue = "10") int folds, Model model) throws IOException {
        List<String> ignored = Arrays.stream(ignore.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        TrainingParameters parameters = new TrainingParameters(name, target, positive, separator, !noHeader, ignored,
                null, null, null, folds, null, null, null, null);
        try {
            UUID id = training.trainFromCsv(Purpose.parse(purpose), ModelsController.filename(file), file.getBytes(),
                    parameters);
            return "redirect:/console/scoring/trainings/" + id;
        } catch (BusinessRuleException e) {
            return trainFormWithErrors(model, e);
        }
    }

    @PostMapping("/console/scoring/trainings/history")
    @PreAuthorize("hasAuthority('scoring:manage')")
    String history(@RequestParam(defaultValue = "COLLECTABILITY") String purpose, @RequestParam String name,
                   @RequestParam(required = false) @Nullable LocalDate from,
                   @RequestParam(required = false) @Nullable LocalDate to, @RequestParam int horizonDays,
                   Model model) {
        TrainingParameters parameters = new TrainingParameters(name, null, null, null, null, null, from, to,
                horizonDays, null, null, null, null, null);
        try {
            return "redirect:/console/scoring/trainings/" + training.trainFromHistory(Purpose.parse(purpose),
                    parameters);
        } catch (BusinessRuleException e) {
            return trainFormWithErrors(model, e);
        }
    }

    private String trainFormWithErrors(Model model, BusinessRuleException e) {
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errors", e.errors());
        model.addAttribute("today", LocalDate.now());
        return "scoring/train";
    }

    @GetMapping("/console/scoring/trainings/{id}")
    String trainingPage(@PathVariable UUID id, Model model) {
        model.addAttribute("training", trainings.get(id));
        return "scoring/training";
    }

    /** The progress fragment the training page polls (htmx, every second) until the run ends. */
    @GetMapping("/console/scoring/trainings/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("training", trainings.get(id));
        return "scoring/training :: progress";
    }

    @PostMapping("/console/scoring/models/import")
    @PreAuthorize("hasAuthority('scoring:manage')")
    String importModel(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            ModelCard card = models.importJson(new String(file.getBytes(), StandardCharsets.UTF_8));
            return "redirect:/console/scoring/models/" + card.id();
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage() + " " + e.errors().stream()
                    .map(BusinessRuleException.FieldError::reason).reduce("", (a, b) -> a + b));
            return "redirect:/console/scoring";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem scoringModelsMenu() {
            return new ConsoleMenuItem(600, "nav.scoring", "/console/scoring", "scoring:read");
        }

        @Bean
        ConsoleMenuItem scoringMonitoringMenu() {
            return new ConsoleMenuItem(610, "nav.scoringMonitoring", "/console/scoring-monitoring", "scoring:read");
        }

        @Bean
        ConsoleMenuItem valuationMenu() {
            return new ConsoleMenuItem(620, "nav.valuation", "/console/valuation", "scoring:read");
        }
    }
}
