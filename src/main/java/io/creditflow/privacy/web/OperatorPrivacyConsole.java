package io.creditflow.privacy.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.privacy.documents.PrivacyDocuments;
import io.creditflow.privacy.lifecycle.Offboarding;
import io.creditflow.privacy.records.BreachRegister;
import io.creditflow.privacy.records.SubProcessors;
import io.creditflow.tenancy.Tenants;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The platform operator's privacy registers: sub-processors (changes publish a notice to every tenant), the breach
 * register with its 72-hour clock and per-tenant notifications, and tenant offboarding with the export deadline and
 * the deletion certificate. The operator sees counts and ids, never a debtor.
 */
@Controller
@PreAuthorize("hasAuthority('platform:operate')")
class OperatorPrivacyConsole {

    private final SubProcessors subProcessors;
    private final BreachRegister breaches;
    private final Offboarding offboarding;
    private final Tenants tenants;
    private final PrivacyDocuments documents;
    private final JsonMapper json;
    private final Clock clock;

    OperatorPrivacyConsole(SubProcessors subProcessors, BreachRegister breaches, Offboarding offboarding,
                           Tenants tenants, PrivacyDocuments documents, JsonMapper json, Clock clock) {
        this.subProcessors = subProcessors;
        this.breaches = breaches;
        this.offboarding = offboarding;
        this.tenants = tenants;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/operator/sub-processors")
    String subProcessors(Model model) {
        model.addAttribute("subProcessors", subProcessors.list());
        model.addAttribute("notices", subProcessors.notices(50));
        model.addAttribute("services", SubProcessors.SERVICES.stream().sorted().toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "privacy/operator-sub-processors";
    }

    @PostMapping("/operator/sub-processors")
    String saveSubProcessor(@RequestParam(required = false) @Nullable UUID id, @RequestParam String name,
                            @RequestParam String service, @RequestParam String purpose, @RequestParam String country,
                            @RequestParam(required = false) @Nullable String safeguard,
                            @RequestParam String dataCategories, @RequestParam(required = false) @Nullable String host,
                            @RequestParam LocalDate activeFrom, RedirectAttributes redirect) {
        SubProcessors.Input in = new SubProcessors.Input(name, service, purpose, country, safeguard,
                Arrays.stream(dataCategories.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(), host,
                activeFrom);
        return PrivacyAdminConsole.act("/operator/sub-processors", redirect, () -> {
            if (id == null) {
                subProcessors.add(in);
            } else {
                subProcessors.change(id, in);
            }
        });
    }

    @PostMapping("/operator/sub-processors/{id}/remove")
    String removeSubProcessor(@PathVariable UUID id, @RequestParam LocalDate until, RedirectAttributes redirect) {
        return PrivacyAdminConsole.act("/operator/sub-processors", redirect, () -> subProcessors.remove(id, until));
    }

    @GetMapping("/operator/breaches")
    String breaches(Model model) {
        model.addAttribute("breaches", breaches.list());
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "privacy/operator-breaches";
    }

    @PostMapping("/operator/breaches")
    String registerBreach(@RequestParam String title, @RequestParam String description,
                          @RequestParam LocalDateTime detectedAt, @RequestParam LocalDateTime windowFrom,
                          @RequestParam LocalDateTime windowTo, @RequestParam(required = false) @Nullable String actor,
                          @RequestParam(required = false) @Nullable String ip,
                          @RequestParam(required = false) @Nullable String measures, RedirectAttributes redirect) {
        var zone = clock.getZone();
        try {
            BreachRegister.Breach b = breaches.register(new BreachRegister.Input(title, description,
                    detectedAt.atZone(zone).toOffsetDateTime(), windowFrom.atZone(zone).toOffsetDateTime(),
                    windowTo.atZone(zone).toOffsetDateTime(), actor, ip, measures));
            return "redirect:/operator/breaches/" + b.id();
        } catch (BusinessRuleException e) {
            return PrivacyAdminConsole.act("/operator/breaches", redirect, () -> {
                throw e;
            });
        }
    }

    @GetMapping("/operator/breaches/{id}")
    String breach(@PathVariable UUID id, Model model) {
        model.addAttribute("b", breaches.get(id));
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("tenants", tenants.list());
        return "privacy/operator-breach";
    }

    @PostMapping("/operator/breaches/{id}/{action}")
    String breachAction(@PathVariable UUID id, @PathVariable String action,
                        @RequestParam(required = false) @Nullable UUID tenantId,
                        @RequestParam(required = false) @Nullable String status,
                        @RequestParam(required = false) @Nullable String measures,
                        @RequestParam(required = false, defaultValue = "0") long subjects,
                        @RequestParam(required = false, defaultValue = "0") long records,
                        RedirectAttributes redirect) {
        return PrivacyAdminConsole.act("/operator/breaches/" + id, redirect, () -> {
            switch (action) {
                case "recompute" -> breaches.recompute(id);
                case "notify" -> breaches.notifyTenants(id, tenantId == null ? List.of() : List.of(tenantId));
                case "status" -> breaches.changeStatus(id, status == null ? "" : status, measures);
                case "tenant" -> {
                    if (tenantId == null) {
                        throw new BusinessRuleException("tenant", "Choose a tenant.");
                    }
                    breaches.addTenant(id, tenantId, subjects, records);
                }
                default -> throw new BusinessRuleException("unknown-action", "Unknown action " + action);
            }
        });
    }

    @GetMapping("/operator/offboarding")
    String offboarding(Model model) {
        model.addAttribute("offboardings", offboarding.all());
        model.addAttribute("tenants", tenants.list().stream().filter(t -> !"DELETED".equals(t.status())).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "privacy/operator-offboarding";
    }

    @PostMapping("/operator/offboarding")
    String startOffboarding(@RequestParam UUID tenantId, @RequestParam LocalDate contractEnd,
                            RedirectAttributes redirect) {
        return PrivacyAdminConsole.act("/operator/offboarding", redirect,
                () -> offboarding.start(tenantId, contractEnd));
    }

    @PostMapping("/operator/offboarding/{tenantId}/delete")
    String delete(@PathVariable UUID tenantId, @RequestParam String confirm, RedirectAttributes redirect) {
        return PrivacyAdminConsole.act("/operator/offboarding", redirect,
                () -> offboarding.delete(tenantId, confirm.trim()));
    }

    @GetMapping(value = "/operator/offboarding/{tenantId}/certificate.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> certificateJson(@PathVariable UUID tenantId) {
        var s = deleted(tenantId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"deletion-certificate-" + s.tenantSlug()
                        + ".json\"").body(s.deletionCertificate());
    }

    @GetMapping(value = "/operator/offboarding/{tenantId}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> certificatePdf(@PathVariable UUID tenantId, Locale locale) {
        var s = deleted(tenantId);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = json.readValue(s.deletionCertificate(), Map.class);
        return DataSubjectRightsController.Downloads.pdf(documents.document("pdf.deletion.title", content,
                "SHA-256 " + s.deletionSha256(), locale), "deletion-certificate-" + s.tenantSlug() + ".pdf");
    }

    private Offboarding.Status deleted(UUID tenantId) {
        return offboarding.status(tenantId).filter(Offboarding.Status::deleted)
                .orElseThrow(() -> new io.creditflow.platform.NotFoundException("Deletion certificate", tenantId));
    }
}
