package io.creditflow.audit.web;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.audit.AuditSealer;
import io.creditflow.audit.AuditTrail;
import io.creditflow.audit.AuditVerifier;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.web.ConsoleMenuItem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The auditor's console: the tenant's audit log (latest entries, filtered by period, action, subject or actor), a
 * verification of the whole hash chain on request, and the log as CSV or JSON, streamed.
 */
@Controller
@PreAuthorize("hasAuthority('audit:read')")
class AuditConsole {

    private final AuditTrail trail;
    private final AuditVerifier verifier;
    private final AuditSealer sealer;
    private final AuditExports exports;
    private final AuditLog audit;
    private final Clock clock;

    AuditConsole(AuditTrail trail, AuditVerifier verifier, AuditSealer sealer, AuditExports exports, AuditLog audit,
                 Clock clock) {
        this.trail = trail;
        this.verifier = verifier;
        this.sealer = sealer;
        this.exports = exports;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/audit")
    String log(@RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) @Nullable String action,
               @RequestParam(required = false) @Nullable UUID subjectId,
               @RequestParam(required = false) @Nullable String actor, Model model) {
        UUID tenant = TenantContext.require();
        sealer.seal(tenant);
        AuditTrail.Filter filter = filter(from, to, action, subjectId, actor);
        List<AuditTrail.Entry> latest = trail.latest(filter, 200);
        model.addAttribute("entries", latest);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("action", action);
        model.addAttribute("subjectId", subjectId);
        model.addAttribute("actorFilter", actor);
        audit.record(AuditEvent.of("audit.read", "audit-log", tenant).detail("entries", latest.size()));
        return "audit/log";
    }

    @PostMapping("/console/audit/verify")
    String verify(RedirectAttributes redirect) {
        UUID tenant = TenantContext.require();
        sealer.seal(tenant);
        redirect.addFlashAttribute("verification", verifier.verify(tenant));
        redirect.addFlashAttribute("verifiedAt", OffsetDateTime.now(clock));
        audit.record(AuditEvent.of("audit.verified", "audit-log", tenant));
        return "redirect:/console/audit";
    }

    @GetMapping("/console/audit/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable UUID subjectId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(defaultValue = "csv") String format) {
        return exports.download(TenantContext.require(), filter(from, to, action, subjectId, actor),
                "json".equals(format) ? "json" : "csv");
    }

    private AuditTrail.Filter filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String action,
                                     @Nullable UUID subjectId, @Nullable String actor) {
        var zone = clock.getZone();
        return new AuditTrail.Filter(from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), action, subjectId, actor);
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem auditMenu() {
            return new ConsoleMenuItem(850, "nav.audit", "/console/audit", "audit:read");
        }
    }
}
