package io.creditflow.payments.web;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;

import io.creditflow.payments.PaymentLinks;
import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.PromisesToPay;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.receivables.Invoices;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Console: payment plans and promises to pay (list, a plan's schedule, proposing a plan or recording a promise for a
 * debtor's invoices named by number) and payment links. Refusals (an invoice of another debtor, a date in the past)
 * come back as a message on the page; nothing is changed.
 */
@Controller
@PreAuthorize("hasAuthority('payments:read')")
class ArrangementsConsole {

    private final PaymentPlans plans;
    private final PromisesToPay promises;
    private final PaymentLinks links;
    private final Invoices invoices;
    private final AuditLog audit;

    ArrangementsConsole(PaymentPlans plans, PromisesToPay promises, PaymentLinks links, Invoices invoices,
                        AuditLog audit) {
        this.audit = audit;
        this.plans = plans;
        this.promises = promises;
        this.links = links;
        this.invoices = invoices;
    }

    @GetMapping("/console/payments/plans")
    String list(@RequestParam(required = false) @Nullable String status, Model model) {
        String filter = status == null || status.isBlank() ? null : status;
        model.addAttribute("plans", plans.list(filter, 200));
        model.addAttribute("promises", promises.list(null, null, 200));
        model.addAttribute("status", filter);
        model.addAttribute("frequencies", PaymentPlans.Frequency.values());
        model.addAttribute("canWrite", ConsoleAccess.may("payments:write"));
        return "payments/plans";
    }

    @GetMapping("/console/payments/plans/{id}")
    String show(@PathVariable UUID id, Model model) {
        PaymentPlans.Plan plan = plans.get(id);
        audit.record(AuditEvent.of("payment-plans.read", "payment-plan", id).subject(plan.debtorId()));
        model.addAttribute("plan", plan);
        model.addAttribute("numbers", numbers(plan.invoiceIds()));
        model.addAttribute("canWrite", ConsoleAccess.may("payments:write"));
        return "payments/plan";
    }

    @PostMapping("/console/payments/plans")
    @PreAuthorize("hasAuthority('payments:write')")
    String propose(@RequestParam String numbers, @RequestParam int instalments, @RequestParam LocalDate firstDueDate,
                   @RequestParam PaymentPlans.Frequency frequency, @RequestParam(defaultValue = "false") boolean agreed,
                   @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(redirect, "/console/payments/plans", () -> {
            Named named = named(numbers);
            UUID id = plans.propose(named.debtorId(), named.ids(), instalments, firstDueDate, frequency, agreed,
                    note.isBlank() ? null : note).id();
            return "/console/payments/plans/" + id;
        });
    }

    @PostMapping("/console/payments/plans/{id}/agree")
    @PreAuthorize("hasAuthority('payments:write')")
    String agree(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "/console/payments/plans/" + id, () -> {
            plans.agree(id);
            return "/console/payments/plans/" + id;
        });
    }

    @PostMapping("/console/payments/plans/{id}/cancel")
    @PreAuthorize("hasAuthority('payments:write')")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, "/console/payments/plans/" + id, () -> {
            plans.cancel(id, reason.isBlank() ? "cancelled in the console" : reason);
            return "/console/payments/plans/" + id;
        });
    }

    @PostMapping("/console/payments/promises")
    @PreAuthorize("hasAuthority('payments:write')")
    String promise(@RequestParam String numbers, @RequestParam BigDecimal amount, @RequestParam LocalDate promisedDate,
                   @RequestParam(defaultValue = "PHONE") String channel, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes redirect) {
        return act(redirect, "/console/payments/plans", () -> {
            Named named = named(numbers);
            promises.make(named.debtorId(), named.ids(), amount, promisedDate, channel, note.isBlank() ? null : note);
            return "/console/payments/plans";
        });
    }

    @PostMapping("/console/payments/promises/{id}/cancel")
    @PreAuthorize("hasAuthority('payments:write')")
    String cancelPromise(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "/console/payments/plans", () -> {
            promises.cancel(id, "cancelled in the console");
            return "/console/payments/plans";
        });
    }

    @GetMapping("/console/payments/links")
    String links(Model model) {
        model.addAttribute("links", links.list(null, 200));
        model.addAttribute("canWrite", ConsoleAccess.may("payments:write"));
        return "payments/links";
    }

    @PostMapping("/console/payments/links")
    @PreAuthorize("hasAuthority('payments:write')")
    String createLink(@RequestParam String numbers, RedirectAttributes redirect) {
        return act(redirect, "/console/payments/links", () -> {
            Named named = named(numbers);
            redirect.addFlashAttribute("created", links.create(named.debtorId(), named.ids()).url().toString());
            return "/console/payments/links";
        });
    }

    private record Named(UUID debtorId, List<UUID> ids) {
    }

    /** Invoices named by number ("F-1, F-2"): all must exist and belong to one debtor. */
    private Named named(String numbers) {
        List<UUID> ids = new ArrayList<>();
        UUID debtor = null;
        for (String number : numbers.split("[,;\\s]+")) {
            if (number.isBlank()) {
                continue;
            }
            var invoice = invoices.findByNumber(number.strip()).orElseThrow(() -> new BusinessRuleException(
                    "unknown-invoice", "There is no invoice " + number.strip() + "."));
            if (debtor != null && !debtor.equals(invoice.debtorId())) {
                throw new BusinessRuleException("one-debtor", "Invoice " + number.strip()
                        + " belongs to another debtor: an arrangement is with one debtor.");
            }
            debtor = invoice.debtorId();
            ids.add(invoice.id());
        }
        if (debtor == null) {
            throw new BusinessRuleException("invoices-required", "Name at least one invoice number.");
        }
        return new Named(debtor, ids);
    }

    private List<String> numbers(List<UUID> ids) {
        return ids.stream().map(id -> invoices.find(id).map(i -> i.number()).orElse("?")).toList();
    }

    private static String act(RedirectAttributes redirect, String back, Supplier<String> action) {
        try {
            String target = action.get();
            redirect.addFlashAttribute("done", "payments.saved");
            return "redirect:" + target;
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problem", e.errors().isEmpty() ? e.getMessage() : e.getMessage() + " "
                    + String.join("; ", e.errors().stream().map(f -> f.field() + ": " + f.reason()).toList()));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem arrangementsMenu() {
            return new ConsoleMenuItem(320, "nav.arrangements", "/console/payments/plans", "payments:read");
        }

        @Bean
        ConsoleMenuItem linksMenu() {
            return new ConsoleMenuItem(330, "nav.paymentLinks", "/console/payments/links", "payments:read");
        }
    }
}
