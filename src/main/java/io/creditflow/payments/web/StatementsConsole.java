package io.creditflow.payments.web;

import io.creditflow.payments.reconciliation.EntryViews;
import io.creditflow.payments.reconciliation.Explanations;
import io.creditflow.payments.reconciliation.Reconciliation;
import io.creditflow.payments.reconciliation.StatementImports;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.receivables.Invoices;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Console: statement uploads with progress, an import's lines, and the reconciliation queue. */
@Controller
@PreAuthorize("hasAuthority('payments:read')")
class StatementsConsole {

    private final StatementImports imports;
    private final EntryViews entries;
    private final Reconciliation reconciliation;
    private final Explanations explanations;
    private final Invoices invoices;
    private final Path uploads;

    StatementsConsole(StatementImports imports, EntryViews entries, Reconciliation reconciliation,
                      Explanations explanations, Invoices invoices,
                      @Value("${creditflow.data-dir}") String dataDir) {
        this.imports = imports;
        this.entries = entries;
        this.reconciliation = reconciliation;
        this.explanations = explanations;
        this.invoices = invoices;
        this.uploads = Path.of(dataDir, "payments-uploads");
    }

    @GetMapping("/console/payments")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", imports.list(cursor, 50));
        model.addAttribute("waiting", entries.waiting());
        return "payments/imports";
    }

    @PostMapping("/console/payments/imports")
    @PreAuthorize("hasAuthority('payments:write')")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "payments.upload.empty");
            return "redirect:/console/payments";
        }
        Files.createDirectories(uploads);
        Path target = Files.createTempFile(uploads, "statement-", ".upload");
        file.transferTo(target);
        String name = file.getOriginalFilename() == null ? "statement" : file.getOriginalFilename();
        UUID id = imports.startInBackground(name, target);
        return "redirect:/console/payments/imports/" + id;
    }

    @GetMapping("/console/payments/imports/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) @Nullable String state,
                @RequestParam(required = false) @Nullable String cursor, Model model) {
        StatementImports.Summary summary = imports.get(id);
        model.addAttribute("run", summary);
        model.addAttribute("state", state);
        if (!summary.status().equals("RUNNING")) {
            model.addAttribute("page", entries.ofImport(id, state, cursor, 100));
            model.addAttribute("explain", new Explainer(explanations));
        }
        return "payments/import";
    }

    /** The progress fragment the import page polls every second; a finished import reloads the whole page. */
    @GetMapping("/console/payments/imports/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        StatementImports.Summary summary = imports.get(id);
        if (!summary.status().equals("RUNNING")) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", summary);
        return "payments/import :: progress";
    }

    @GetMapping("/console/payments/queue")
    String queue(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", entries.queue(cursor, 25));
        model.addAttribute("canWrite", ConsoleAccess.may("payments:write"));
        model.addAttribute("explain", new Explainer(explanations));
        return "payments/queue";
    }

    @PostMapping("/console/payments/entries/{id}/accept")
    @PreAuthorize("hasAuthority('payments:write')")
    String accept(@PathVariable UUID id, @RequestParam int rank, RedirectAttributes redirect) {
        return act(redirect, () -> reconciliation.accept(id, rank));
    }

    @PostMapping("/console/payments/entries/{id}/assign")
    @PreAuthorize("hasAuthority('payments:write')")
    String assign(@PathVariable UUID id, @RequestParam String numbers, RedirectAttributes redirect) {
        return act(redirect, () -> {
            List<UUID> ids = new ArrayList<>();
            for (String number : numbers.split("[,;\\s]+")) {
                if (!number.isBlank()) {
                    ids.add(invoices.findByNumber(number.strip()).orElseThrow(() -> new BusinessRuleException(
                            "unknown-invoice", "There is no invoice " + number.strip() + ".")).id());
                }
            }
            if (ids.isEmpty()) {
                throw new BusinessRuleException("invoices-required", "Name at least one invoice number.");
            }
            reconciliation.assign(id, null, ids, false);
        });
    }

    @PostMapping("/console/payments/entries/{id}/credit")
    @PreAuthorize("hasAuthority('payments:write')")
    String credit(@PathVariable UUID id, @RequestParam UUID debtorId, @RequestParam(defaultValue = "false")
                  boolean byLaw, RedirectAttributes redirect) {
        return act(redirect, () -> reconciliation.assign(id, debtorId, List.of(), byLaw));
    }

    @PostMapping("/console/payments/entries/{id}/ignore")
    @PreAuthorize("hasAuthority('payments:write')")
    String ignore(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(redirect, () -> reconciliation.ignore(id, note));
    }

    @PostMapping("/console/payments/entries/{id}/unapply")
    @PreAuthorize("hasAuthority('payments:write')")
    String unapply(@PathVariable UUID id, RedirectAttributes redirect) {
        act(redirect, () -> reconciliation.unapply(id));
        return "redirect:/console/payments/imports/" + entries.get(id).importId();
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", "payments.queue.done");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/payments/queue";
    }

    /** Lets a template turn reasons into sentences in the user's language. */
    record Explainer(Explanations explanations) {
        public String of(List<io.creditflow.payments.matching.Reason> reasons) {
            return explanations.explain(reasons, LocaleContextHolder.getLocale());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem paymentsMenu() {
            return new ConsoleMenuItem(300, "nav.payments", "/console/payments", "payments:read");
        }

        @Bean
        ConsoleMenuItem reconciliationMenu() {
            return new ConsoleMenuItem(310, "nav.reconciliation", "/console/payments/queue", "payments:read");
        }
    }
}
