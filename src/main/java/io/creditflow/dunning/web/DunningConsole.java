package io.creditflow.dunning.web;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.creditflow.dunning.CallTasks;
import io.creditflow.dunning.DunningHistory;
import io.creditflow.dunning.DunningPauses;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.Invoices;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Console: runs and their history, the per-invoice and per-debtor dunning timeline, pauses, the call list. */
@Controller
@PreAuthorize("hasAuthority('dunning:read')")
class DunningConsole {

    private final DunningRuns runs;
    private final DunningHistory history;
    private final DunningPauses pauses;
    private final CallTasks calls;
    private final Flows flows;
    private final Invoices invoices;
    private final Debtors debtors;
    private final org.springframework.beans.factory.ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<String> runTask;
    private final Clock clock;

    DunningConsole(DunningRuns runs, DunningHistory history, DunningPauses pauses, CallTasks calls, Flows flows,
                   Invoices invoices, Debtors debtors,
                   org.springframework.beans.factory.ObjectProvider<SchedulerClient> scheduler, OneTimeTask<String> dunningRunTask,
                   Clock clock) {
        this.runs = runs;
        this.history = history;
        this.pauses = pauses;
        this.calls = calls;
        this.flows = flows;
        this.invoices = invoices;
        this.debtors = debtors;
        this.scheduler = scheduler;
        this.runTask = dunningRunTask;
        this.clock = clock;
    }

    @GetMapping("/console/dunning")
    @Transactional(readOnly = true)
    String overview(Model model) {
        model.addAttribute("runs", runs.history(30));
        model.addAttribute("flows", flows.list());
        model.addAttribute("pauses", pauses.active());
        model.addAttribute("today", LocalDate.now(clock));
        return "dunning/overview";
    }

    /** Starts a run now, on whichever node db-scheduler picks (cluster-safe like the daily one). */
    @PostMapping("/console/dunning/runs")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String runNow() {
        UUID tenant = TenantContext.require();
        LocalDate today = LocalDate.now(clock);
        scheduler.getObject().scheduleIfNotExists(runTask.instance(tenant + ":" + today + ":manual-" + UUID.randomUUID(),
                tenant + "|" + today + "|MANUAL"), Instant.now());
        return "redirect:/console/dunning?started";
    }

    @GetMapping("/console/dunning/runs/{id}")
    @Transactional(readOnly = true)
    String run(@PathVariable UUID id, Model model) {
        model.addAttribute("run", runs.get(id));
        model.addAttribute("actions", history.actionsOfRun(id));
        return "dunning/run";
    }

    @GetMapping("/console/dunning/invoices/{id}")
    @Transactional
    String invoice(@PathVariable UUID id, Model model) {
        Invoice invoice = invoices.get(id);
        model.addAttribute("invoice", invoice);
        model.addAttribute("debtor", debtors.get(invoice.debtorId()));
        model.addAttribute("actions", history.actionsOfInvoice(id));
        model.addAttribute("letters", history.lettersOfInvoice(id));
        model.addAttribute("pauses", pauses.forInvoice(id, invoice.debtorId()));
        model.addAttribute("reasons", DunningPauses.REASONS);
        model.addAttribute("today", LocalDate.now(clock));
        return "dunning/invoice";
    }

    @GetMapping("/console/dunning/letters/{id}.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        return history.letterPdf(id).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"letter-" + id + ".pdf\"").body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/console/dunning/debtors/{id}")
    @Transactional
    String debtor(@PathVariable UUID id, Model model) {
        model.addAttribute("debtor", debtors.get(id));
        model.addAttribute("flows", flows.list());
        model.addAttribute("flow", flows.flowOf(id).orElse(null));
        model.addAttribute("override", flows.overrideOf(id).orElse(null));
        model.addAttribute("actions", history.actionsOfDebtor(id));
        model.addAttribute("pauses", pauses.forDebtor(id));
        model.addAttribute("reasons", DunningPauses.REASONS);
        model.addAttribute("today", LocalDate.now(clock));
        return "dunning/debtor";
    }

    @PostMapping("/console/dunning/debtors/{id}/flow")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID flowId) {
        flows.assignDebtor(id, flowId);
        return "redirect:/console/dunning/debtors/" + id;
    }

    @PostMapping("/console/dunning/pauses")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String pause(@RequestParam DunningPauses.Scope scope, @RequestParam UUID targetId, @RequestParam String reason,
                 @RequestParam(required = false) @Nullable String note,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn,
                 @RequestParam String back) {
        pauses.pause(scope, targetId, List.of(), reason, note == null || note.isBlank() ? null : note, endsOn, "MANUAL");
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/console/dunning/pauses/{id}/resume")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String resume(@PathVariable UUID id, @RequestParam String back) {
        pauses.resume(id);
        return "redirect:" + safeBack(back);
    }

    @GetMapping("/console/dunning/calls")
    String calls(Model model) {
        model.addAttribute("tasks", calls.open(200));
        model.addAttribute("outcomes", CallTasks.OUTCOMES);
        return "dunning/calls";
    }

    @PostMapping("/console/dunning/calls/{id}")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String complete(@PathVariable UUID id, @RequestParam String outcome, @RequestParam(required = false) @Nullable String note,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate promisedBy) {
        calls.complete(id, outcome, note, promisedBy);
        return "redirect:/console/dunning/calls";
    }

    /** Only redirects within the console (an open redirect would let a link send users anywhere). */
    static String safeBack(String back) {
        return back.startsWith("/console/") && !back.contains("//") ? back : "/console/dunning";
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem dunningMenu() {
            return new ConsoleMenuItem(200, "nav.dunning", "/console/dunning", "dunning:read");
        }

        @Bean
        ConsoleMenuItem callsMenu() {
            return new ConsoleMenuItem(230, "nav.calls", "/console/dunning/calls", "dunning:read");
        }

        @Bean
        ConsoleMenuItem calculatorMenu() {
            return new ConsoleMenuItem(290, "nav.calculator", "/console/calculator", "calculations");
        }
    }
}
