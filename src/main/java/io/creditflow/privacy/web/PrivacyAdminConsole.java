package io.creditflow.privacy.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.PrivacySettings;
import io.creditflow.privacy.documents.PrivacyDocuments;
import io.creditflow.privacy.lifecycle.Offboarding;
import io.creditflow.privacy.lifecycle.RetentionRuns;
import io.creditflow.privacy.lifecycle.RetentionSchedule;
import io.creditflow.privacy.records.BreachRegister;
import io.creditflow.privacy.records.RecordsOfProcessing;
import io.creditflow.privacy.records.SubProcessors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's privacy administration: settings (purposes, residency, promised answer time), the retention schedule
 * with its dry run, the records of processing, sub-processors and their change notices, breach notifications, and
 * offboarding (building and downloading the export bundle). Auditors may look; changing takes {@code privacy:manage}.
 */
@Controller
class PrivacyAdminConsole {

    private static final String VIEW = "hasAnyAuthority('privacy:manage', 'audit:read')";
    private static final String MANAGE = "hasAuthority('privacy:manage')";

    private final PrivacySettings settings;
    private final RetentionSchedule schedule;
    private final RetentionRuns runs;
    private final RecordsOfProcessing records;
    private final SubProcessors subProcessors;
    private final BreachRegister breaches;
    private final Offboarding offboarding;
    private final PrivacyDocuments documents;
    private final JsonMapper json;
    private final Clock clock;

    PrivacyAdminConsole(PrivacySettings settings, RetentionSchedule schedule, RetentionRuns runs,
                        RecordsOfProcessing records, SubProcessors subProcessors, BreachRegister breaches,
                        Offboarding offboarding, PrivacyDocuments documents, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.schedule = schedule;
        this.runs = runs;
        this.records = records;
        this.subProcessors = subProcessors;
        this.breaches = breaches;
        this.offboarding = offboarding;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/privacy/settings")
    @PreAuthorize(VIEW)
    String settings(Model model) {
        model.addAttribute("settings", settings.current());
        model.addAttribute("purposes", PrivacySettings.Purpose.values());
        return "privacy/settings";
    }

    @PostMapping("/console/privacy/settings")
    @PreAuthorize(MANAGE)
    String saveSettings(@RequestParam(required = false) @Nullable List<PrivacySettings.Purpose> purposes,
                        @RequestParam(defaultValue = "false") boolean crossTenantOptIn,
                        @RequestParam String residency, @RequestParam int promisedWorkingDays,
                        @RequestParam(required = false) @Nullable String controllerContact,
                        RedirectAttributes redirect) {
        return act("/console/privacy/settings", redirect, () -> settings.save(purposes == null
                        ? Set.of() : EnumSet.copyOf(purposes), crossTenantOptIn, residency, promisedWorkingDays,
                controllerContact));
    }

    @GetMapping("/console/privacy/retention")
    @PreAuthorize(VIEW)
    String retention(Model model) {
        model.addAttribute("rules", schedule.rules());
        model.addAttribute("runs", runs.recent(20));
        return "privacy/retention";
    }

    @PostMapping("/console/privacy/retention/{category}")
    @PreAuthorize(MANAGE)
    String saveRule(@PathVariable String category, @RequestParam int days,
                    @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        return act("/console/privacy/retention", redirect, () -> schedule.set(category, days, enabled));
    }

    @PostMapping("/console/privacy/retention/dry-run")
    @PreAuthorize(MANAGE)
    String dryRun(RedirectAttributes redirect) {
        redirect.addFlashAttribute("dryRun", runs.run(TenantContext.require(), clock, true));
        return "redirect:/console/privacy/retention";
    }

    @GetMapping("/console/privacy/records")
    @PreAuthorize(VIEW)
    String records(Model model) {
        model.addAttribute("records", records.generate());
        return "privacy/records";
    }

    @GetMapping(value = "/console/privacy/records.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(VIEW)
    ResponseEntity<byte[]> recordsJson() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"records-of-processing.json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(records.generate()));
    }

    @GetMapping(value = "/console/privacy/records.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(VIEW)
    ResponseEntity<byte[]> recordsPdf(Locale locale) {
        return DataSubjectRightsController.Downloads.pdf(documents.document("pdf.records.title", records.generate(),
                "Creditflow · " + LocalDate.now(clock), locale), "records-of-processing.pdf");
    }

    @GetMapping("/console/privacy/sub-processors")
    @PreAuthorize(VIEW)
    String subProcessors(Model model) {
        model.addAttribute("subProcessors", subProcessors.list());
        model.addAttribute("notices", subProcessors.notices(100));
        model.addAttribute("unacknowledged", subProcessors.unacknowledged().stream()
                .map(SubProcessors.Notice::id).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "privacy/sub-processors";
    }

    @PostMapping("/console/privacy/notices/{id}/acknowledge")
    @PreAuthorize(VIEW)
    String acknowledgeNotice(@PathVariable UUID id, RedirectAttributes redirect) {
        return act("/console/privacy/sub-processors", redirect, () -> subProcessors.acknowledge(id));
    }

    @GetMapping("/console/privacy/breaches")
    @PreAuthorize(VIEW)
    String breaches(Model model) {
        model.addAttribute("notifications", breaches.notifications());
        return "privacy/breaches";
    }

    @PostMapping("/console/privacy/breaches/{id}/acknowledge")
    @PreAuthorize(VIEW)
    String acknowledgeBreach(@PathVariable UUID id, RedirectAttributes redirect) {
        return act("/console/privacy/breaches", redirect, () -> breaches.acknowledge(id));
    }

    @GetMapping("/console/privacy/offboarding")
    @PreAuthorize(MANAGE)
    String offboarding(Model model) {
        model.addAttribute("status", offboarding.status(TenantContext.require()).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        return "privacy/offboarding";
    }

    @PostMapping("/console/privacy/offboarding/bundle")
    @PreAuthorize(MANAGE)
    String requestBundle(RedirectAttributes redirect) {
        return act("/console/privacy/offboarding", redirect, () -> offboarding.requestBundle(TenantContext.require()));
    }

    @GetMapping("/console/privacy/offboarding/bundle.zip")
    @PreAuthorize(MANAGE)
    ResponseEntity<StreamingResponseBody> bundle() {
        UUID tenant = TenantContext.require();
        offboarding.status(tenant).filter(s -> "READY".equals(s.bundleStatus()))
                .orElseThrow(() -> new io.creditflow.platform.NotFoundException("Export bundle", tenant));
        StreamingResponseBody body = out -> offboarding.download(tenant, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"creditflow-export-" + tenant + ".zip\"")
                .header("Cache-Control", "no-store").body(body);
    }

    static String act(String back, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (BusinessRuleException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            e.errors().forEach(f -> message.append(" ").append(f.field()).append(": ").append(f.reason()).append("."));
            redirect.addFlashAttribute("error", message.toString());
        }
        return "redirect:" + back;
    }
}
