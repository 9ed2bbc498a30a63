package io.creditflow.dunning.web;

import io.creditflow.dunning.DefaultFlow;
import io.creditflow.dunning.DunningSettingsStore;
import io.creditflow.dunning.FlowDefinition;
import io.creditflow.dunning.FlowFormat;
import io.creditflow.dunning.Flows;
import io.creditflow.dunning.run.Previews;
import io.creditflow.messaging.MessageTemplates;
import io.creditflow.messaging.Tone;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.receivables.Debtors;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Console: the flow editor (YAML or JSON, versions, import and export), assignment rules, templates with preview. */
@Controller
@PreAuthorize("hasAuthority('dunning:read')")
class FlowsConsole {

    private final Flows flows;
    private final MessageTemplates templates;
    private final Previews previews;
    private final DunningSettingsStore settings;
    private final Debtors debtors;
    private final Clock clock;

    FlowsConsole(Flows flows, MessageTemplates templates, Previews previews, DunningSettingsStore settings,
                 Debtors debtors, Clock clock) {
        this.flows = flows;
        this.templates = templates;
        this.previews = previews;
        this.settings = settings;
        this.debtors = debtors;
        this.clock = clock;
    }

    @GetMapping("/console/dunning/flows")
    String list(Model model) {
        model.addAttribute("flows", flows.list());
        model.addAttribute("rules", flows.rules());
        return "dunning/flows";
    }

    @GetMapping("/console/dunning/flows/new")
    String create(Model model) {
        model.addAttribute("text", DefaultFlow.text().replace("key: standaard", "key: nieuwe-flow"));
        model.addAttribute("flow", null);
        return "dunning/flow";
    }

    @GetMapping("/console/dunning/flows/{id}")
    String edit(@PathVariable UUID id, Model model) {
        FlowDefinition flow = flows.active(id);
        model.addAttribute("id", id);
        model.addAttribute("flow", flow);
        model.addAttribute("text", FlowFormat.write(flow, FlowFormat.Kind.YAML));
        model.addAttribute("versions", flows.versions(id));
        return "dunning/flow";
    }

    /** Saves the edited (or pasted, or uploaded) text as a new version; errors name the field or line. */
    @PostMapping("/console/dunning/flows")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String save(@RequestParam(required = false) @Nullable String text,
                @RequestParam(required = false) @Nullable MultipartFile file,
                @RequestParam(required = false) @Nullable String comment, Model model) throws IOException {
        String source = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : text == null ? "" : text;
        try {
            Flows.Saved saved = flows.importText(source, comment);
            return "redirect:/console/dunning/flows/" + saved.flowId() + "?saved=" + saved.version();
        } catch (BusinessRuleException e) {
            model.addAttribute("text", source);
            model.addAttribute("flow", null);
            model.addAttribute("errors", e.errors());
            model.addAttribute("error", e.getMessage());
            return "dunning/flow";
        }
    }

    @PostMapping("/console/dunning/flows/{id}/versions/{version}")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String activate(@PathVariable UUID id, @PathVariable int version) {
        flows.activate(id, version);
        return "redirect:/console/dunning/flows/" + id;
    }

    @GetMapping("/console/dunning/flows/{id}/export")
    ResponseEntity<String> export(@PathVariable UUID id, @RequestParam(defaultValue = "YAML") FlowFormat.Kind format) {
        FlowDefinition flow = flows.active(id);
        String ext = format == FlowFormat.Kind.JSON ? "json" : "yaml";
        return ResponseEntity.ok()
                .contentType(format == FlowFormat.Kind.JSON ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + flow.key() + "." + ext + "\"")
                .body(flows.export(id, format));
    }

    @PostMapping("/console/dunning/rules")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String addRule(@RequestParam int priority, @RequestParam(required = false) @Nullable String debtorType,
                   @RequestParam(required = false) @Nullable String tag, @RequestParam UUID flowId) {
        flows.addRule(priority, debtorType == null || debtorType.isBlank() ? null : debtorType, tag, flowId);
        return "redirect:/console/dunning/flows";
    }

    @PostMapping("/console/dunning/rules/{id}/delete")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String removeRule(@PathVariable UUID id) {
        flows.removeRule(id);
        return "redirect:/console/dunning/flows";
    }

    @PostMapping("/console/dunning/flows/{id}/default")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String makeDefault(@PathVariable UUID id) {
        settings.setDefaultFlow(id);
        return "redirect:/console/dunning/flows";
    }

    @GetMapping("/console/dunning/templates")
    String templates(@RequestParam(required = false) @Nullable String key,
                     @RequestParam(defaultValue = "nl") String language, @RequestParam(defaultValue = "FORMAL") Tone tone,
                     @RequestParam(required = false) @Nullable String debtor,
                     @RequestParam(defaultValue = "false") boolean legal, Model model) {
        model.addAttribute("definitions", templates.definitions());
        model.addAttribute("own", templates.ownVersions());
        model.addAttribute("languages", MessageTemplates.LANGUAGES);
        model.addAttribute("language", language);
        model.addAttribute("tone", tone);
        model.addAttribute("legal", legal);
        model.addAttribute("debtor", debtor);
        if (key != null) {
            model.addAttribute("key", key);
            model.addAttribute("resolved", templates.resolve(key, language, tone));
            if (debtor != null && !debtor.isBlank()) {
                UUID debtorId = debtors.idByExternalId(debtor.trim()).orElse(null);
                model.addAttribute("previews", debtorId == null ? null : previews.preview(debtorId, key, language, tone, legal,
                        settings.get(), LocalDate.now(clock)));
                model.addAttribute("unknownDebtor", debtorId == null);
            }
        }
        return "dunning/templates";
    }

    @PostMapping("/console/dunning/templates")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String saveTemplate(@RequestParam String key, @RequestParam String language, @RequestParam Tone tone,
                        @RequestParam String subject, @RequestParam String html, @RequestParam String sms, Model model) {
        try {
            templates.save(key, language, tone, subject, html, sms);
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            return templates(key, language, tone, null, false, model);
        }
        return "redirect:/console/dunning/templates?key=" + key + "&language=" + language + "&tone=" + tone;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem flowsMenu() {
            return new ConsoleMenuItem(210, "nav.flows", "/console/dunning/flows", "dunning:read");
        }

        @Bean
        ConsoleMenuItem templatesMenu() {
            return new ConsoleMenuItem(220, "nav.templates", "/console/dunning/templates", "dunning:read");
        }
    }
}
