package io.creditflow.receivables.web;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.PrivacyMarkers;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.DebtorTimeline;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.OriginalInvoices;
import io.creditflow.receivables.ReceivablesOverview;
import io.creditflow.receivables.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller
@PreAuthorize("hasAuthority('receivables:read')")
class ReceivablesConsole {

    private final Debtors debtors;
    private final Invoices invoices;
    private final Ledger ledger;
    private final OriginalInvoices originals;
    private final ReceivablesOverview overview;
    private final DebtorTimeline debtorTimeline;
    private final PrivacyMarkers markers;
    private final AuditLog audit;
    private final JsonMapper json;

    ReceivablesConsole(Debtors debtors, Invoices invoices, Ledger ledger, OriginalInvoices originals,
                       ReceivablesOverview overview, DebtorTimeline debtorTimeline, PrivacyMarkers markers,
                       AuditLog audit, JsonMapper json) {
        this.debtors = debtors;
        this.invoices = invoices;
        this.ledger = ledger;
        this.originals = originals;
        this.overview = overview;
        this.debtorTimeline = debtorTimeline;
        this.markers = markers;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        var aging = overview.aging();
        var dso = overview.dsoTrend();
        model.addAttribute("totals", overview.totals());
        model.addAttribute("aging", aging);
        model.addAttribute("agingChart", json.writeValueAsString(Map.of("type", "bar", "data", Map.of(
                "labels", aging.stream().map(ReceivablesOverview.AgingBucket::bucket).toList(),
                "datasets", List.of(Map.of("label", "EUR", "backgroundColor",
                        List.of("#1a7f37", "#f2c94c", "#f2994a", "#eb5757", "#b42318"),
                        "data", aging.stream().map(b -> b.open()).toList()))),
                "options", Map.of("plugins", Map.of("legend", Map.of("display", false))))));
        model.addAttribute("dsoChart", json.writeValueAsString(Map.of("type", "line", "data", Map.of(
                "labels", dso.stream().map(p -> p.monthEnd().toString().substring(0, 7)).toList(),
                "datasets", List.of(Map.of("label", "DSO", "borderColor", "#0b5cad", "tension", 0.25,
                        "data", dso.stream().map(ReceivablesOverview.DsoPoint::dso).toList()))))));
        model.addAttribute("dso", dso.isEmpty() ? null : dso.getLast());
        return "receivables/dashboard";
    }

    @GetMapping("/console/debtors")
    String debtors(@RequestParam(required = false) @Nullable String q,
                   @RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<Debtor> page = debtors.search(q, cursor, 50);
        model.addAttribute("page", page);
        model.addAttribute("markers", markers.among(page.items().stream().map(Debtor::id).toList()));
        model.addAttribute("q", q);
        return "receivables/debtors";
    }

    @GetMapping("/console/debtors/{id}")
    @Transactional
    String debtor(@PathVariable UUID id, Model model) {
        Debtor debtor = debtors.get(id);
        List<Invoice> items = invoices.list(new Invoices.Filter(id, null, null, null, null), null, 200).items();
        List<TimelineEntry> timeline = debtorTimeline.of(id, items, 100);
        model.addAttribute("debtor", debtor);
        model.addAttribute("markers", markers.of(id));
        model.addAttribute("canManagePrivacy", org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> "privacy:manage".equals(a.getAuthority())));
        model.addAttribute("open", items.stream().filter(i -> i.status().isOpen()).toList());
        model.addAttribute("closed", items.stream().filter(i -> !i.status().isOpen()).limit(50).toList());
        model.addAttribute("timeline", timeline);
        return "receivables/debtor";
    }

    @GetMapping("/console/invoices/{id}")
    String invoice(@PathVariable UUID id, Model model) {
        Invoice invoice = invoices.get(id);
        model.addAttribute("invoice", invoice);
        model.addAttribute("debtor", debtors.get(invoice.debtorId()));
        model.addAttribute("markers", markers.of(invoice.debtorId()));
        model.addAttribute("entries", ledger.entries(id));
        model.addAttribute("lines", invoices.lines(id));
        model.addAttribute("hasOriginal", originals.has(id));
        return "receivables/invoice";
    }

    /** The e-invoice as received, byte for byte (an audited read of personal data). */
    @GetMapping("/console/invoices/{id}/original.xml")
    ResponseEntity<byte[]> original(@PathVariable UUID id) {
        return OriginalDocumentDownload.of(invoices, originals, id);
    }

    @PostMapping("/console/invoices/{id}/dispute")
    @PreAuthorize("hasAuthority('receivables:write')")
    String dispute(@PathVariable UUID id, @RequestParam String reason) {
        invoices.dispute(id, reason);
        return "redirect:/console/invoices/" + id;
    }

    @PostMapping("/console/invoices/{id}/dispute/resolve")
    @PreAuthorize("hasAuthority('receivables:write')")
    String resolve(@PathVariable UUID id, @RequestParam String resolution) {
        invoices.resolveDispute(id, resolution);
        return "redirect:/console/invoices/" + id;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem overviewMenu() {
            return new ConsoleMenuItem(100, "nav.overview", "/console", "receivables:read");
        }

        @Bean
        ConsoleMenuItem debtorsMenu() {
            return new ConsoleMenuItem(110, "nav.debtors", "/console/debtors", "receivables:read");
        }
    }
}
