package io.creditflow.portal.web;

import io.creditflow.payments.PaymentPlans;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.portal.PortalActions;
import io.creditflow.portal.PortalInvoicePdf;
import io.creditflow.portal.PortalSession;
import io.creditflow.portal.PortalSettingsStore;
import io.creditflow.portal.PortalStatements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The debtor's invoices and what they can do about them: pay, propose a plan, promise to pay, dispute. Forms post
 * back here; a refused form is shown again with each field's reason (status 400), and nothing was changed.
 */
@Controller
class PortalPages {

    private final PortalStatements statements;
    private final PortalActions actions;
    private final PortalSettingsStore settings;
    private final PortalInvoicePdf documents;
    private final Clock clock;

    PortalPages(PortalStatements statements, PortalActions actions, PortalSettingsStore settings,
                PortalInvoicePdf documents, Clock clock) {
        this.statements = statements;
        this.actions = actions;
        this.settings = settings;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/portal")
    String overview(HttpServletRequest request, Model model) {
        PortalSession s = PortalView.require(request);
        model.addAttribute("overview", statements.overview(s.debtorId()));
        return "portal/overview";
    }

    @GetMapping("/portal/invoices/{id}")
    String invoice(@PathVariable UUID id, HttpServletRequest request, Model model) {
        PortalSession s = PortalView.require(request);
        model.addAttribute("detail", statements.detail(s.debtorId(), id));
        model.addAttribute("reasons", PortalActions.DISPUTE_REASONS);
        return "portal/invoice";
    }

    @GetMapping(value = "/portal/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, HttpServletRequest request, Locale locale) {
        PortalSession s = PortalView.require(request);
        var detail = statements.detail(s.debtorId(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoice-"
                        + detail.invoice().number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"")
                .cacheControl(CacheControl.noStore()).body(documents.render(detail, s.debtorId(), locale));
    }

    @PostMapping("/portal/pay")
    String pay(@RequestParam(name = "invoice", required = false) List<UUID> invoices, HttpServletRequest request,
               Model model, HttpServletResponse response) {
        PortalSession s = PortalView.require(request);
        try {
            return "redirect:/pay/" + actions.pay(s.debtorId(), invoices == null ? List.of() : invoices);
        } catch (BusinessRuleException e) {
            return refused(e, request, model, response);
        }
    }

    /** The overview's "propose a plan" button posts the chosen invoices here (a GET would put the CSRF token in the URL). */
    @PostMapping("/portal/plan/form")
    String planFormPosted(@RequestParam(name = "invoice", required = false) List<UUID> invoices,
                          HttpServletRequest request, Model model) {
        return planForm(invoices, request, model);
    }

    @GetMapping("/portal/plan")
    String planForm(@RequestParam(name = "invoice", required = false) List<UUID> invoices,
                    HttpServletRequest request, Model model) {
        return arrangementForm("portal/plan", invoices, request, model);
    }

    @PostMapping("/portal/plan")
    String plan(@RequestParam(name = "invoice", required = false) List<UUID> invoices,
                @RequestParam(defaultValue = "0") String instalments, @RequestParam(defaultValue = "") String firstDueDate,
                @RequestParam(defaultValue = "MONTHLY") String frequency, HttpServletRequest request, Model model,
                HttpServletResponse response) {
        PortalSession s = PortalView.require(request);
        List<UUID> ids = invoices == null ? List.of() : invoices;
        try {
            var result = actions.proposePlan(s.debtorId(), ids, number("instalments", instalments),
                    date("firstDueDate", firstDueDate), frequency(frequency));
            model.addAttribute("plan", result);
            return "portal/plan-done";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("values", java.util.Map.of("instalments", instalments, "firstDueDate", firstDueDate,
                    "frequency", frequency));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return arrangementForm("portal/plan", ids, request, model);
        }
    }

    @PostMapping("/portal/promise/form")
    String promiseFormPosted(@RequestParam(name = "invoice", required = false) List<UUID> invoices,
                             HttpServletRequest request, Model model) {
        return promiseForm(invoices, request, model);
    }

    @GetMapping("/portal/promise")
    String promiseForm(@RequestParam(name = "invoice", required = false) List<UUID> invoices,
                       HttpServletRequest request, Model model) {
        return arrangementForm("portal/promise", invoices, request, model);
    }

    @PostMapping("/portal/promise")
    String promise(@RequestParam(name = "invoice", required = false) List<UUID> invoices,
                   @RequestParam(defaultValue = "") String promisedDate, HttpServletRequest request, Model model,
                   HttpServletResponse response) {
        PortalSession s = PortalView.require(request);
        List<UUID> ids = invoices == null ? List.of() : invoices;
        try {
            actions.promise(s.debtorId(), ids, date("promisedDate", promisedDate));
            model.addAttribute("promisedDate", promisedDate);
            return "portal/promise-done";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("values", java.util.Map.of("promisedDate", promisedDate));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return arrangementForm("portal/promise", ids, request, model);
        }
    }

    @PostMapping("/portal/invoices/{id}/dispute")
    String dispute(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String message, HttpServletRequest request, Model model,
                   HttpServletResponse response) {
        PortalSession s = PortalView.require(request);
        try {
            actions.dispute(s.debtorId(), id, reason, message);
            return "redirect:/portal/invoices/" + id + "?disputed";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("values", java.util.Map.of("reason", reason, "message", message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return invoice(id, request, model);
        }
    }

    private String arrangementForm(String template, List<UUID> invoices, HttpServletRequest request, Model model) {
        PortalSession s = PortalView.require(request);
        List<UUID> ids = invoices == null ? List.of() : invoices;
        var chosen = statements.openAmong(s.debtorId(), ids);
        model.addAttribute("chosen", chosen);
        model.addAttribute("total", chosen.stream().map(PortalStatements.Row::open)
                .reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add));
        model.addAttribute("rules", settings.current());
        model.addAttribute("today", LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam"))));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", java.util.Map.of());
        }
        return template;
    }

    private String refused(BusinessRuleException e, HttpServletRequest request, Model model,
                           HttpServletResponse response) {
        model.addAttribute("errors", e.errors().isEmpty()
                ? List.of(new BusinessRuleException.FieldError("invoice", e.getMessage())) : e.errors());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return overview(request, model);
    }

    static int number(String field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new io.creditflow.platform.ValidationException("Not a number.",
                    List.of(new BusinessRuleException.FieldError(field, "must be a whole number")));
        }
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new io.creditflow.platform.ValidationException("Not a date.",
                    List.of(new BusinessRuleException.FieldError(field, "must be a date (yyyy-mm-dd)")));
        }
    }

    static PaymentPlans.Frequency frequency(String value) {
        try {
            return PaymentPlans.Frequency.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new io.creditflow.platform.ValidationException("Not a frequency.",
                    List.of(new BusinessRuleException.FieldError("frequency", "one of WEEKLY, FORTNIGHTLY, MONTHLY")));
        }
    }

    /** Another debtor's invoice, or one that does not exist: a plain 404 page, never details. */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "portal/not-found";
    }
}
