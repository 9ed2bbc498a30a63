package io.creditflow.receivables.imports;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The import page: upload with profile, mode and dry run; live progress; the error report; history; profiles. */
@Controller
@PreAuthorize("hasAuthority('receivables:read')")
class ImportsConsole {

    private final Imports imports;
    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final Clock clock;

    ImportsConsole(Imports imports, ImportJobs jobs, ImportProfiles profiles, Clock clock) {
        this.imports = imports;
        this.jobs = jobs;
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping("/console/imports")
    String page(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("history", jobs.list(cursor, 25));
        model.addAttribute("profiles", profiles.list());
        model.addAttribute("defaultHeader", String.join(",", ImportField.defaultHeader().stream()
                .map(ImportField::column).toList()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("canWrite", auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> "receivables:write".equals(a.getAuthority())));
        return "receivables/imports";
    }

    @PostMapping("/console/imports")
    @PreAuthorize("hasAuthority('receivables:write')")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "INVOICES") ImportKind kind,
                  @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                  @RequestParam(defaultValue = "false") boolean dryRun,
                  @RequestParam(required = false) @Nullable String profileId, RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("problem", "imports.noFile");
            return "redirect:/console/imports";
        }
        UUID profile = profileId == null || profileId.isBlank() ? null : UUID.fromString(profileId);
        try {
            ImportJob job = imports.submit(new Imports.Request(kind, mode, dryRun, profile,
                    file.getOriginalFilename()), file.getInputStream());
            return "redirect:/console/imports/" + job.id();
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problemText", e.getMessage());
            return "redirect:/console/imports";
        }
    }

    @GetMapping("/console/imports/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ImportJob job = jobs.get(id);
        model.addAttribute("job", job);
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("errors", jobs.errors(id, 500));
        return "receivables/import";
    }

    /** The progress fragment htmx polls every second; once finished it asks the page to reload for the result. */
    @GetMapping("/console/imports/{id}/progress")
    String progress(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean wasRunning, Model model,
                    HttpServletResponse response) {
        ImportJob job = jobs.get(id);
        if (job.status().isFinished() && wasRunning) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "receivables/import-progress :: progress";
    }

    @GetMapping("/console/imports/{id}/errors.csv")
    void errorsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ImportsController.writeErrorsCsv(jobs, id, response);
    }

    @GetMapping({"/console/import-profiles/new", "/console/import-profiles/{id}"})
    @PreAuthorize("hasAuthority('receivables:write')")
    String profile(@PathVariable(required = false) @Nullable UUID id,
                   @RequestParam(defaultValue = "INVOICES") ImportKind kind, Model model) {
        ImportProfile profile = id == null ? ImportProfile.defaults(kind) : profiles.get(id);
        model.addAttribute("profile", profile);
        model.addAttribute("fields", Arrays.stream(ImportField.values()).filter(f -> f.appliesTo(profile.kind()))
                .toList());
        model.addAttribute("dateFormats", List.of("yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d-M-yyyy", "dd.MM.yyyy"));
        return "receivables/import-profile";
    }

    @PostMapping("/console/import-profiles")
    @PreAuthorize("hasAuthority('receivables:write')")
    String saveProfile(@RequestParam(required = false) @Nullable String id, @RequestParam String name,
                       @RequestParam ImportKind kind, @RequestParam(required = false) @Nullable String separator,
                       @RequestParam(required = false) @Nullable String encoding,
                       @RequestParam(defaultValue = "AUTO") DecimalSeparator decimalSeparator,
                       @RequestParam(required = false) @Nullable String dateFormat,
                       @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        for (ImportField f : ImportField.values()) {
            String column = form.get("column." + f.column());
            if (f.appliesTo(kind) && column != null && !column.isBlank()) {
                mapping.put(f, column.strip());
            }
        }
        Character sep = separator == null || separator.isBlank() ? null : separator.equals("TAB") ? '\t'
                : separator.charAt(0);
        UUID profileId = id == null || id.isBlank() ? null : UUID.fromString(id);
        try {
            profiles.save(new ImportProfile(profileId, name.strip(), kind, sep, blank(encoding), decimalSeparator,
                    blank(dateFormat), mapping));
            redirect.addFlashAttribute("saved", name);
            return "redirect:/console/imports";
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problemText", e.getMessage() + " " + e.errors().stream()
                    .map(err -> err.field() + ": " + err.reason()).toList());
            return "redirect:/console/import-profiles/" + (profileId == null ? "new?kind=" + kind : profileId);
        }
    }

    @PostMapping("/console/import-profiles/{id}/delete")
    @PreAuthorize("hasAuthority('receivables:write')")
    String deleteProfile(@PathVariable UUID id) {
        profiles.delete(id);
        return "redirect:/console/imports";
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem importsMenu() {
            return new ConsoleMenuItem(115, "nav.imports", "/console/imports", "receivables:read");
        }
    }
}
