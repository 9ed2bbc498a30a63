package io.creditflow.collection.web;

import io.creditflow.collection.CollectionCases;
import io.creditflow.collection.HandOffs;
import io.creditflow.collection.Stage;
import io.creditflow.collection.Worklist;
import io.creditflow.collection.handoff.DossierDownloads;
import io.creditflow.messaging.Outbox;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.PrivacyMarkers;
import io.creditflow.receivables.Debtors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/** Console: the case list (filters), a case's page (claims, stage history, messages, hand-off), the worklist. */
@Controller
@PreAuthorize("hasAuthority('collection:read')")
class CollectionConsole {

    private final CollectionCases cases;
    private final HandOffs handOffs;
    private final Worklist worklist;
    private final DossierDownloads dossiers;
    private final Outbox outbox;
    private final Debtors debtors;
    private final PrivacyMarkers markers;

    CollectionConsole(CollectionCases cases, HandOffs handOffs, Worklist worklist, DossierDownloads dossiers,
                      Outbox outbox, Debtors debtors, PrivacyMarkers markers) {
        this.cases = cases;
        this.handOffs = handOffs;
        this.worklist = worklist;
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.debtors = debtors;
        this.markers = markers;
    }

    @GetMapping("/console/collection/cases")
    String list(@RequestParam(required = false) @Nullable String status,
                @RequestParam(required = false) @Nullable String stage,
                @RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<CollectionCases.CaseView> page = cases.list(new CollectionCases.Filter(
                CollectionCasesController.status(status), CollectionCasesController.stage(stage), null), cursor, 50);
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("stage", stage);
        model.addAttribute("stages", List.of(Stage.values()));
        model.addAttribute("markers", markers.among(page.items().stream().map(CollectionCases.CaseView::debtorId).toList()));
        return "collection/cases";
    }

    @GetMapping("/console/collection/cases/{id}")
    String detail(@PathVariable UUID id, Model model, Authentication auth) {
        CollectionCases.CaseView c = cases.get(id);
        model.addAttribute("c", c);
        model.addAttribute("debtor", debtors.get(c.debtorId()));
        model.addAttribute("markers", markers.of(c.debtorId()));
        model.addAttribute("claims", cases.claims(id));
        model.addAttribute("stages", cases.stages(id));
        model.addAttribute("messages", outbox.byOrigin("collection", List.of(id.toString())));
        model.addAttribute("handOff", handOffs.ofCase(id).orElse(null));
        model.addAttribute("canWrite", has(auth, "collection:write"));
        model.addAttribute("canApprove", has(auth, "collection:approve"));
        model.addAttribute("withdrawalReasons", List.of(CollectionCases.WithdrawalReason.values()));
        return "collection/case";
    }

    @GetMapping("/console/collection/cases/{id}/dossier.zip")
    ResponseEntity<byte[]> dossier(@PathVariable UUID id) {
        DossierDownloads.Download d = dossiers.download(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + d.filename() + "\"").body(d.zip());
    }

    @PostMapping("/console/collection/cases/{id}/advance")
    @PreAuthorize("hasAuthority('collection:write')")
    String advance(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, () -> cases.advance(id));
    }

    @PostMapping("/console/collection/cases/{id}/handoff")
    @PreAuthorize("hasAuthority('collection:write')")
    String handOff(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, () -> handOffs.request(id));
    }

    @PostMapping("/console/collection/cases/{id}/handoff/approval")
    @PreAuthorize("hasAuthority('collection:approve')")
    String approve(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, () -> handOffs.approve(id));
    }

    @PostMapping("/console/collection/cases/{id}/withdrawal")
    @PreAuthorize("hasAuthority('collection:approve')")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
                    RedirectAttributes flash) {
        // a missing or unknown reason is a ValidationException, a BusinessRuleException: shown on the page
        return act(id, flash, () -> cases.withdraw(id, CollectionCasesController.withdrawalReason(reason)));
    }

    @GetMapping("/console/collection/worklist")
    String worklist(Model model) {
        model.addAttribute("worklist", worklist.build());
        return "collection/worklist";
    }

    private static String act(UUID id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/collection/cases/" + id;
    }

    static boolean has(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem collectionCasesMenu() {
            return new ConsoleMenuItem(400, "nav.collectionCases", "/console/collection/cases", "collection:read");
        }

        @Bean
        ConsoleMenuItem collectionWorklistMenu() {
            return new ConsoleMenuItem(410, "nav.collectionWorklist", "/console/collection/worklist", "collection:read");
        }

        @Bean
        ConsoleMenuItem webhooksMenu() {
            return new ConsoleMenuItem(420, "nav.webhooks", "/console/webhooks", "webhooks:manage");
        }
    }
}
