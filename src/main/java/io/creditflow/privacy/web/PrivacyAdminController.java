package io.creditflow.privacy.web;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.PrivacySettings;
import io.creditflow.privacy.lifecycle.Offboarding;
import io.creditflow.privacy.lifecycle.RetentionRuns;
import io.creditflow.privacy.lifecycle.RetentionSchedule;
import io.creditflow.privacy.records.BreachRegister;
import io.creditflow.privacy.records.RecordsOfProcessing;
import io.creditflow.privacy.records.SubProcessors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's privacy administration over the API: settings, retention schedule (and a dry run), records of
 * processing, sub-processors and their notices, breach notifications, and the offboarding status. Reading is open to
 * auditors ({@code audit:read}); changing takes {@code privacy:manage}.
 */
@RestController
@RequestMapping("/api/v1/privacy")
class PrivacyAdminController {

    private static final String VIEW = "hasAnyAuthority('privacy:manage', 'audit:read')";
    private static final String MANAGE = "hasAuthority('privacy:manage')";

    private final PrivacySettings settings;
    private final RetentionSchedule schedule;
    private final RetentionRuns runs;
    private final RecordsOfProcessing records;
    private final SubProcessors subProcessors;
    private final BreachRegister breaches;
    private final Offboarding offboarding;
    private final Clock clock;

    PrivacyAdminController(PrivacySettings settings, RetentionSchedule schedule, RetentionRuns runs,
                           RecordsOfProcessing records, SubProcessors subProcessors, BreachRegister breaches,
                           Offboarding offboarding, Clock clock) {
        this.settings = settings;
        this.schedule = schedule;
        this.runs = runs;
        this.records = records;
        this.subProcessors = subProcessors;
        this.breaches = breaches;
        this.offboarding = offboarding;
        this.clock = clock;
    }

    @GetMapping("/settings")
    @PreAuthorize(VIEW)
    PrivacySettings.Settings settings() {
        return settings.current();
    }

    record SettingsRequest(@Nullable Set<PrivacySettings.Purpose> purposes, @Nullable Boolean crossTenantOptIn,
                           @Nullable String residency, @Nullable Integer promisedWorkingDays,
                           @Nullable String controllerContact) {
    }

    @PutMapping("/settings")
    @PreAuthorize(MANAGE)
    PrivacySettings.Settings saveSettings(@RequestBody SettingsRequest body) {
        PrivacySettings.Settings current = settings.current();
        return settings.save(body.purposes() == null ? current.purposes()
                        : body.purposes().isEmpty() ? Set.of() : EnumSet.copyOf(body.purposes()),
                body.crossTenantOptIn() == null ? current.crossTenantOptIn() : body.crossTenantOptIn(),
                body.residency() == null ? current.residency() : body.residency(),
                body.promisedWorkingDays() == null ? current.promisedWorkingDays() : body.promisedWorkingDays(),
                body.controllerContact() == null ? current.controllerContact() : body.controllerContact());
    }

    @GetMapping("/retention")
    @PreAuthorize(VIEW)
    List<RetentionSchedule.Rule> retention() {
        return schedule.rules();
    }

    record RuleRequest(@Nullable Integer days, @Nullable Boolean enabled) {
    }

    @PutMapping("/retention/{category}")
    @PreAuthorize(MANAGE)
    RetentionSchedule.Rule saveRule(@PathVariable String category, @RequestBody RuleRequest body) {
        if (body.days() == null) {
            throw new ValidationException("The period is required.", List.of(new FieldError("days", "required")));
        }
        return schedule.set(category, body.days(), body.enabled() == null || body.enabled());
    }

    /** What the retention job would remove now, without removing anything. */
    @PostMapping("/retention/dry-run")
    @PreAuthorize(MANAGE)
    RetentionRuns.Run dryRun() {
        return runs.run(TenantContext.require(), clock, true);
    }

    @GetMapping("/retention/runs")
    @PreAuthorize(VIEW)
    List<Map<String, Object>> retentionRuns() {
        return runs.recent(50);
    }

    @GetMapping("/records-of-processing")
    @PreAuthorize(VIEW)
    Map<String, Object> records() {
        return records.generate();
    }

    @GetMapping("/sub-processors")
    @PreAuthorize(VIEW)
    Map<String, Object> subProcessors() {
        return Map.of("subProcessors", subProcessors.list(), "notices", subProcessors.notices(100),
                "unacknowledged", subProcessors.unacknowledged().stream().map(SubProcessors.Notice::id).toList());
    }

    @PostMapping("/sub-processor-notices/{id}/acknowledgement")
    @PreAuthorize(VIEW)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledgeNotice(@PathVariable UUID id) {
        subProcessors.acknowledge(id);
    }

    @GetMapping("/breach-notifications")
    @PreAuthorize(VIEW)
    List<BreachRegister.Notification> breachNotifications() {
        return breaches.notifications();
    }

    @PostMapping("/breach-notifications/{id}/acknowledgement")
    @PreAuthorize(VIEW)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledgeBreach(@PathVariable UUID id) {
        breaches.acknowledge(id);
    }

    /** The end of the contract as the operator recorded it, the export deadline and the bundle's state. */
    @GetMapping("/offboarding")
    @PreAuthorize(MANAGE)
    Map<String, Object> offboarding() {
        return offboarding.status(TenantContext.require()).<Map<String, Object>>map(s -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("contractEnd", s.contractEnd());
            m.put("exportDue", s.exportDue());
            m.put("bundleStatus", s.bundleStatus());
            m.put("bundleReadyAt", s.bundleReadyAt());
            m.put("bundleSha256", s.bundleSha256());
            m.put("bundleBytes", s.bundleBytes());
            m.put("downloadedAt", s.bundleDownloadedAt());
            return m;
        }).orElse(Map.of("bundleStatus", "NOT_OFFBOARDING"));
    }

    /** The export bundle (a ZIP, streamed and decrypted on the fly); see docs/privacy/tenant-export.md. */
    @GetMapping("/offboarding/bundle")
    @PreAuthorize(MANAGE)
    org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody>
            bundle() {
        UUID tenant = TenantContext.require();
        offboarding.status(tenant).filter(s -> "READY".equals(s.bundleStatus()))
                .orElseThrow(() -> new io.creditflow.platform.NotFoundException("Export bundle", tenant));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"creditflow-export-" + tenant + ".zip\"")
                .header("Cache-Control", "no-store")
                .body(out -> offboarding.download(tenant, out));
    }

    @PostMapping("/offboarding/bundle")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> requestBundle() {
        offboarding.requestBundle(TenantContext.require());
        return offboarding();
    }
}
