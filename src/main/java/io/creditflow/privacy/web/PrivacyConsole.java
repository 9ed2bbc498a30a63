package io.creditflow.privacy.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.DataSubjectRequests;
import io.creditflow.privacy.DataSubjectRequests.Request;
import io.creditflow.privacy.Restrictions;
import io.creditflow.privacy.documents.PrivacyDocuments;
import io.creditflow.privacy.rights.Contributors;
import io.creditflow.privacy.rights.Erasures;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The request register in the console: open, overdue and all requests with both deadlines (the tenant's promise in
 * working days, the legal month), registering a request, following it through; and the erasure certificates.
 * Auditors see the registers; acting on them takes {@code privacy:manage}.
 */
@Controller
class PrivacyConsole {

    private final DataSubjectRequests requests;
    private final Contributors contributors;
    private final Restrictions restrictions;
    private final Erasures erasures;
    private final PrivacyDocuments documents;
    private final JsonMapper json;
    private final Clock clock;

    PrivacyConsole(DataSubjectRequests requests, Contributors contributors, Restrictions restrictions,
                   Erasures erasures, PrivacyDocuments documents, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.contributors = contributors;
        this.restrictions = restrictions;
        this.erasures = erasures;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/privacy")
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    @Transactional(readOnly = true)
    String register(@RequestParam(defaultValue = "OPEN") DataSubjectRequests.View view,
                    @RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<Request> page = requests.list(view, null, cursor, 50);
        LocalDate today = LocalDate.now(clock);
        Map<UUID, String> references = new HashMap<>();
        page.items().stream().map(Request::debtorId).filter(id -> id != null).distinct()
                .forEach(id -> references.put(id, contributors.reference(id)));
        model.addAttribute("page", page);
        model.addAttribute("view", view);
        model.addAttribute("today", today);
        model.addAttribute("references", references);
        model.addAttribute("types", DataSubjectRequests.Type.values());
        model.addAttribute("channels", channels());
        return "privacy/register";
    }

    @PostMapping("/console/privacy/requests")
    @PreAuthorize("hasAuthority('privacy:manage')")
    @Transactional
    String registerRequest(@RequestParam DataSubjectRequests.Type type,
                           @RequestParam(required = false) @Nullable UUID debtorId,
                           @RequestParam(required = false) @Nullable LocalDate receivedOn,
                           @RequestParam(defaultValue = "EMAIL") String channel,
                           @RequestParam(required = false) @Nullable String note,
                           @RequestParam(defaultValue = "false") boolean restrictWhilePending,
                           RedirectAttributes redirect) {
        if (debtorId != null && !contributors.exists(debtorId)) {
            redirect.addFlashAttribute("error", "Unknown debtor " + debtorId);
            return "redirect:/console/privacy";
        }
        Request r = requests.register(type, debtorId, receivedOn, channel, note);
        if (restrictWhilePending && debtorId != null) {
            restrictions.restrict(debtorId, "pending " + type.name().toLowerCase(Locale.ROOT) + " request " + r.id()
                    + " (art. 18(1))");
        }
        return "redirect:/console/privacy/requests/" + r.id();
    }

    @GetMapping("/console/privacy/requests/{id}")
    @PreAuthorize("hasAuthority('privacy:manage')")
    String request(@PathVariable UUID id, Model model) {
        Request r = requests.withNote(id);
        model.addAttribute("r", r);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reference", r.debtorId() == null ? null : contributors.reference(r.debtorId()));
        return "privacy/request";
    }

    @PostMapping("/console/privacy/requests/{id}/{action}")
    @PreAuthorize("hasAuthority('privacy:manage')")
    String act(@PathVariable UUID id, @PathVariable String action,
               @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "start" -> requests.start(id);
                case "extend" -> requests.extend(id, text == null ? "" : text);
                case "complete" -> requests.complete(id, text == null || text.isBlank() ? "ANSWERED" : text.trim(),
                        null);
                case "reject" -> requests.reject(id, text == null ? "" : text);
                default -> throw new BusinessRuleException("unknown-action", "Unknown action " + action);
            }
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/privacy/requests/" + id;
    }

    @GetMapping("/console/privacy/erasures")
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    String erasures(Model model) {
        model.addAttribute("erasures", erasures.recent(200));
        return "privacy/erasures";
    }

    @GetMapping("/console/privacy/erasures/{id}")
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    String erasure(@PathVariable UUID id, Model model) {
        Erasures.Erasure e = erasures.get(id);
        model.addAttribute("e", e);
        model.addAttribute("certificate", json.readValue(e.latestCertificate(), Map.class));
        model.addAttribute("initial", e.finalCertificate() == null ? null : json.readValue(e.certificate(), Map.class));
        return "privacy/erasure";
    }

    @GetMapping(value = "/console/privacy/erasures/{id}/certificate.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    ResponseEntity<String> erasureJson(@PathVariable UUID id) {
        Erasures.Erasure e = erasures.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"erasure-certificate-" + id + ".json\"")
                .body(e.latestCertificate());
    }

    @GetMapping(value = "/console/privacy/erasures/{id}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    ResponseEntity<byte[]> erasurePdf(@PathVariable UUID id, Locale locale) {
        Erasures.Erasure e = erasures.get(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = json.readValue(e.latestCertificate(), Map.class);
        return DataSubjectRightsController.Downloads.pdf(documents.erasureCertificate(content, e.latestSha256(),
                locale), "erasure-certificate-" + id + ".pdf");
    }

    static List<String> channels() {
        return List.of("EMAIL", "LETTER", "PHONE", "PORTAL", "API", "OTHER");
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem privacyMenu() {
            return new ConsoleMenuItem(800, "nav.privacy", "/console/privacy", "privacy:manage");
        }

        @Bean
        ConsoleMenuItem operatorSubProcessorsMenu() {
            return new ConsoleMenuItem(20, "nav.subProcessors", "/operator/sub-processors", "platform:operate");
        }

        @Bean
        ConsoleMenuItem operatorBreachesMenu() {
            return new ConsoleMenuItem(30, "nav.breaches", "/operator/breaches", "platform:operate");
        }

        @Bean
        ConsoleMenuItem operatorOffboardingMenu() {
            return new ConsoleMenuItem(40, "nav.offboarding", "/operator/offboarding", "platform:operate");
        }
    }
}
