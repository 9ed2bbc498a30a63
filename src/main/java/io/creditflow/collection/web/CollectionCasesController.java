package io.creditflow.collection.web;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.collection.CollectionCases;
import io.creditflow.collection.CollectionSettings;
import io.creditflow.collection.CollectionSettingsStore;
import io.creditflow.collection.HandOffs;
import io.creditflow.collection.Stage;
import io.creditflow.collection.handoff.DossierDownloads;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.web.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Collection cases and the tenant's collection settings. */
@RestController
class CollectionCasesController {

    private final CollectionCases cases;
    private final HandOffs handOffs;
    private final DossierDownloads dossiers;
    private final CollectionSettingsStore settings;
    private final AuditLog audit;

    CollectionCasesController(CollectionCases cases, HandOffs handOffs, DossierDownloads dossiers,
                              CollectionSettingsStore settings, AuditLog audit) {
        this.cases = cases;
        this.handOffs = handOffs;
        this.dossiers = dossiers;
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/api/v1/collection-cases")
    @PreAuthorize("hasAuthority('collection:read')")
    CursorPage<Map<String, Object>> list(@RequestParam(required = false) @Nullable String status,
                                         @RequestParam(required = false) @Nullable String stage,
                                         @RequestParam(required = false) @Nullable UUID debtorId,
                                         @RequestParam(required = false) @Nullable String cursor,
                                         @RequestParam(required = false) @Nullable Integer limit) {
        var page = cases.list(new CollectionCases.Filter(status(status), stage(stage), debtorId), cursor,
                CursorPage.limit(limit));
        return new CursorPage<>(page.items().stream().map(CaseJson::summary).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/collection-cases/{id}")
    @PreAuthorize("hasAuthority('collection:read')")
    Map<String, Object> get(@PathVariable UUID id) {
        CollectionCases.CaseView c = cases.get(id);
        audit.record(AuditEvent.of("collection.case-read", "collection-case", id).subject(c.debtorId()));
        return CaseJson.detail(c, cases.claims(id), cases.stages(id), handOffs.ofCase(id).orElse(null));
    }

    @PostMapping("/api/v1/collection-cases/{id}/advance")
    @PreAuthorize("hasAuthority('collection:write')")
    Map<String, Object> advance(@PathVariable UUID id) {
        return CaseJson.summary(cases.advance(id));
    }

    record WithdrawRequest(@Nullable String reason) {
    }

    /** A credit manager withdraws the case (closes it by hand) for one of the reasons of the list. */
    @PostMapping("/api/v1/collection-cases/{id}/withdrawal")
    @PreAuthorize("hasAuthority('collection:approve')")
    Map<String, Object> withdraw(@PathVariable UUID id, @RequestBody(required = false) @Nullable WithdrawRequest r) {
        return CaseJson.summary(cases.withdraw(id, withdrawalReason(r == null ? null : r.reason())));
    }

    @PostMapping("/api/v1/collection-cases/{id}/handoff")
    @PreAuthorize("hasAuthority('collection:write')")
    Map<String, Object> requestHandOff(@PathVariable UUID id) {
        return CaseJson.summary(handOffs.request(id));
    }

    @PostMapping("/api/v1/collection-cases/{id}/handoff/approval")
    @PreAuthorize("hasAuthority('collection:approve')")
    Map<String, Object> approveHandOff(@PathVariable UUID id) {
        return CaseJson.handOff(handOffs.approve(id));
    }

    /** The dossier (ZIP): as handed off when the agency kept it here, else as it would be handed off now. */
    @GetMapping("/api/v1/collection-cases/{id}/dossier")
    @PreAuthorize("hasAuthority('collection:read')")
    ResponseEntity<byte[]> dossier(@PathVariable UUID id) {
        DossierDownloads.Download d = dossiers.download(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + d.filename() + "\"")
                .body(d.zip());
    }

    @GetMapping("/api/v1/collection-settings")
    @PreAuthorize("hasAuthority('collection:read')")
    Map<String, Object> settings() {
        return settingsJson(settings.get());
    }

    record SettingsRequest(@Nullable Boolean collectsForThirdParties, @Nullable String autoHandoffStage,
                           @Nullable Integer stageIntervalDays, @Nullable Integer dossierRetentionYears,
                           @Nullable String agency) {
    }

    @PutMapping("/api/v1/collection-settings")
    @PreAuthorize("hasAuthority('settings:manage')")
    Map<String, Object> save(@RequestBody SettingsRequest r) {
        CollectionSettings d = settings.get();
        String agency = r.agency() == null ? d.agency() : r.agency();
        if (handOffs.agencies().stream().noneMatch(a -> a.key().equals(agency))) {
            throw new ValidationException("The collection settings have invalid fields.",
                    List.of(new FieldError("agency", "one of " + handOffs.agencies().stream().map(a -> a.key()).toList())));
        }
        Stage auto = r.autoHandoffStage() == null || r.autoHandoffStage().isBlank() ? null : stage(r.autoHandoffStage());
        return settingsJson(settings.save(new CollectionSettings(
                r.collectsForThirdParties() == null ? d.collectsForThirdParties() : r.collectsForThirdParties(), auto,
                r.stageIntervalDays() == null ? d.stageIntervalDays() : r.stageIntervalDays(),
                r.dossierRetentionYears() == null ? d.dossierRetentionYears() : r.dossierRetentionYears(), agency)));
    }

    /** A new secret for the agency's callbacks, shown once. */
    @PostMapping("/api/v1/collection-settings/agency-secret")
    @PreAuthorize("hasAuthority('settings:manage')")
    Map<String, Object> rotateSecret() {
        return Map.of("secret", settings.rotateAgencySecret(), "note", "Shown once: give it to the agency to sign "
                + "its callbacks (X-Creditflow-Signature).");
    }

    private static Map<String, Object> settingsJson(CollectionSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collectsForThirdParties", s.collectsForThirdParties());
        m.put("autoHandoffStage", s.autoHandoffStage() == null ? null : s.autoHandoffStage().name());
        m.put("stageIntervalDays", s.stageIntervalDays());
        m.put("dossierRetentionYears", s.dossierRetentionYears());
        m.put("agency", s.agency());
        return m;
    }

    static @Nullable Stage stage(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Stage.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Unknown stage.", List.of(new FieldError("stage", "one of "
                    + List.of(Stage.values()))));
        }
    }

    static CollectionCases.WithdrawalReason withdrawalReason(@Nullable String value) {
        try {
            return CollectionCases.WithdrawalReason.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("A withdrawal needs a reason.", List.of(new FieldError("reason", "one of "
                    + List.of(CollectionCases.WithdrawalReason.values()))));
        }
    }

    static @Nullable String status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!List.of("OPEN", "HANDED_OFF", "CLOSED").contains(value)) {
            throw new ValidationException("Unknown status.", List.of(new FieldError("status",
                    "OPEN, HANDED_OFF or CLOSED")));
        }
        return value;
    }
}
