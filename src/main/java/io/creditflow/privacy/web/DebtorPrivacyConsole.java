package io.creditflow.privacy.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.privacy.Contests;
import io.creditflow.privacy.DataSubjectRequests;
import io.creditflow.privacy.LegalHolds;
import io.creditflow.privacy.PrivacyMarkers;
import io.creditflow.privacy.Restrictions;
import io.creditflow.privacy.documents.PrivacyDocuments;
import io.creditflow.privacy.rights.AccessExports;
import io.creditflow.privacy.rights.Contributors;
import io.creditflow.privacy.rights.Erasures;
import io.creditflow.privacy.rights.Rectifications;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One debtor's privacy page: the markers, the requests, and every right to act on (access export as JSON and PDF,
 * restriction, contest, rectification with its history, erasure with its certificate). Everything here shows or
 * changes personal data, so it takes {@code privacy:manage}.
 */
@Controller
@PreAuthorize("hasAuthority('privacy:manage')")
class DebtorPrivacyConsole {

    private final Contributors contributors;
    private final DataSubjectRequests requests;
    private final PrivacyMarkers markers;
    private final Restrictions restrictions;
    private final Contests contests;
    private final Rectifications rectifications;
    private final LegalHolds holds;
    private final Erasures erasures;
    private final AccessExports exports;
    private final PrivacyDocuments documents;
    private final JsonMapper json;
    private final Clock clock;

    DebtorPrivacyConsole(Contributors contributors, DataSubjectRequests requests, PrivacyMarkers markers,
                         Restrictions restrictions, Contests contests, Rectifications rectifications,
                         LegalHolds holds, Erasures erasures, AccessExports exports, PrivacyDocuments documents,
                         JsonMapper json, Clock clock) {
        this.contributors = contributors;
        this.requests = requests;
        this.markers = markers;
        this.restrictions = restrictions;
        this.contests = contests;
        this.rectifications = rectifications;
        this.holds = holds;
        this.erasures = erasures;
        this.exports = exports;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/privacy/debtors/{id}")
    String page(@PathVariable UUID id, Model model) {
        contributors.subject(id);
        var erasure = erasures.find(id);
        model.addAttribute("debtorId", id);
        model.addAttribute("reference", contributors.reference(id));
        model.addAttribute("markers", markers.of(id));
        model.addAttribute("requests", requests.list(DataSubjectRequests.View.ALL, id, null, 100).items());
        model.addAttribute("openRequests", requests.list(DataSubjectRequests.View.OPEN, id, null, 100).items());
        model.addAttribute("contests", contests.openFor(id));
        model.addAttribute("holds", holds.active(id));
        model.addAttribute("erasure", erasure.orElse(null));
        boolean erased = erasure.map(Erasures.Erasure::completed).orElse(false);
        model.addAttribute("fields", erased ? Map.of() : rectifications.fields(id));
        model.addAttribute("history", rectifications.history(id));
        model.addAttribute("types", DataSubjectRequests.Type.values());
        model.addAttribute("channels", PrivacyConsole.channels());
        model.addAttribute("today", LocalDate.now(clock));
        return "privacy/debtor";
    }

    @GetMapping(value = "/console/privacy/debtors/{id}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> exportJson(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID requestId) {
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(exports.export(id, requestId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"access-export-" + id + ".json\"")
                .header("Cache-Control", "no-store").body(body);
    }

    @GetMapping(value = "/console/privacy/debtors/{id}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID requestId,
                                     Locale locale) {
        return DataSubjectRightsController.Downloads.pdf(documents.accessExport(exports.export(id, requestId), locale),
                "access-export-" + id + ".pdf");
    }

    @PostMapping("/console/privacy/debtors/{id}/restriction")
    String restriction(@PathVariable UUID id, @RequestParam String action, @RequestParam String reason,
                       @RequestParam(required = false) @Nullable UUID requestId, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (reason.isBlank()) {
                throw new BusinessRuleException("reason", "A reason is required.");
            }
            contributors.subject(id);
            if ("lift".equals(action)) {
                restrictions.lift(id, reason);
            } else {
                restrictions.restrict(id, reason.trim(), requestId);
            }
        });
    }

    @PostMapping("/console/privacy/debtors/{id}/contests")
    String contest(@PathVariable UUID id, @RequestParam String field,
                   @RequestParam(required = false) @Nullable String statement,
                   @RequestParam(required = false) @Nullable UUID requestId, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            contributors.subject(id);
            String[] parts = field.split(":", 2);
            contests.contest(id, parts.length == 2 ? parts[0] : "receivables.debtor",
                    parts.length == 2 ? parts[1] : field, statement, requestId);
        });
    }

    @PostMapping("/console/privacy/debtors/{id}/contests/{contestId}")
    String resolve(@PathVariable UUID id, @PathVariable UUID contestId, @RequestParam Contests.Resolution resolution,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> contests.resolve(contestId, resolution));
    }

    @PostMapping("/console/privacy/debtors/{id}/rectifications")
    String rectify(@PathVariable UUID id, @RequestParam String section, @RequestParam String reason,
                   @RequestParam(required = false) @Nullable UUID requestId,
                   @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("f.")) {
                values.put(k.substring(2), v);
            }
        });
        return act(id, redirect, () -> rectifications.rectify(id, section, values, reason, requestId));
    }

    @PostMapping("/console/privacy/debtors/{id}/erasure")
    String erase(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID requestId,
                 RedirectAttributes redirect) {
        try {
            Erasures.Erasure e = erasures.erase(id, requestId, Erasures.Reason.REQUEST);
            return "redirect:/console/privacy/erasures/" + e.id();
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/privacy/debtors/" + id;
        }
    }

    private static String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (BusinessRuleException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            e.errors().forEach(f -> message.append(" ").append(f.field()).append(": ").append(f.reason()).append("."));
            redirect.addFlashAttribute("error", message.toString());
        }
        return "redirect:/console/privacy/debtors/" + id;
    }
}
