package io.creditflow.payments.web;

import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.directdebit.DirectDebitCollections;
import io.creditflow.payments.directdebit.Mandates;
import io.creditflow.payments.reconciliation.PaymentSettingsStore;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.receivables.Debtors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Console: SEPA direct debit (mandates, collections with their pain.008 file and each debtor's pre-notification
 * status) and the tenant's payment settings (creditor, pre-notification days, matching threshold, write-off
 * tolerance, plan and promise rules).
 */
@Controller
@PreAuthorize("hasAuthority('payments:read')")
class DirectDebitConsole {

    private final Mandates mandates;
    private final DirectDebitCollections collections;
    private final PaymentSettingsStore settings;
    private final Debtors debtors;

    DirectDebitConsole(Mandates mandates, DirectDebitCollections collections, PaymentSettingsStore settings,
                       Debtors debtors) {
        this.mandates = mandates;
        this.collections = collections;
        this.settings = settings;
        this.debtors = debtors;
    }

    @GetMapping("/console/payments/direct-debit")
    String overview(Model model) {
        model.addAttribute("mandates", mandates.list(null, 200));
        model.addAttribute("collections", collections.list(100));
        model.addAttribute("ready", settings.current().directDebitReady());
        model.addAttribute("canWrite", ConsoleAccess.may("payments:write"));
        return "payments/direct-debit";
    }

    @PostMapping("/console/payments/mandates")
    @PreAuthorize("hasAuthority('payments:write')")
    String register(@RequestParam String debtor, @RequestParam(defaultValue = "") String reference,
                    @RequestParam LocalDate signedOn, @RequestParam String iban, @RequestParam(defaultValue = "") String bic,
                    @RequestParam(defaultValue = "RECURRENT") String type, @RequestParam(defaultValue = "CORE") String scheme,
                    RedirectAttributes redirect) {
        return act(redirect, () -> {
            UUID debtorId = debtors.idByExternalId(debtor.strip()).orElseThrow(() -> new BusinessRuleException(
                    "unknown-debtor", "There is no debtor with customer number " + debtor.strip() + "."));
            mandates.register(debtorId, reference.isBlank() ? null : reference.strip(), signedOn, iban,
                    bic.isBlank() ? null : bic.strip(), type, scheme);
        });
    }

    @PostMapping("/console/payments/mandates/{id}/revoke")
    @PreAuthorize("hasAuthority('payments:write')")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> mandates.revoke(id, "revoked in the console"));
    }

    @PostMapping("/console/payments/collections")
    @PreAuthorize("hasAuthority('payments:write')")
    String collect(@RequestParam LocalDate collectionDate, @RequestParam(defaultValue = "CORE") String scheme,
                   RedirectAttributes redirect) {
        return act(redirect, () -> collections.create(collectionDate, scheme));
    }

    @GetMapping("/console/payments/collections/{id}")
    String collection(@PathVariable UUID id, Model model) {
        model.addAttribute("collection", collections.get(id));
        model.addAttribute("notices", collections.notices(id));
        model.addAttribute("canWrite", ConsoleAccess.may("payments:write"));
        return "payments/collection";
    }

    /** The pain.008 file to upload to the bank; the first download marks the collection as exported. */
    @GetMapping("/console/payments/collections/{id}/file")
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        DirectDebitCollections.Collection c = collections.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.messageId() + ".xml").build().toString())
                .body(collections.file(id));
    }

    @PostMapping("/console/payments/collections/{id}/cancel")
    @PreAuthorize("hasAuthority('payments:write')")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        act(redirect, () -> collections.cancel(id));
        return "redirect:/console/payments/collections/" + id;
    }

    @GetMapping("/console/payments/settings")
    @PreAuthorize("hasAuthority('settings:manage')")
    String settings(Model model) {
        model.addAttribute("settings", settings.current());
        model.addAttribute("surpluses", PaymentSettings.Surplus.values());
        return "payments/settings";
    }

    @PostMapping("/console/payments/settings")
    @PreAuthorize("hasAuthority('settings:manage')")
    String save(@RequestParam double autoApplyThreshold, @RequestParam BigDecimal writeOffTolerance,
                @RequestParam PaymentSettings.Surplus surplus, @RequestParam int planGraceDays,
                @RequestParam int promiseGraceDays, @RequestParam int instalmentNoticeDays,
                @RequestParam(defaultValue = "") String creditorName, @RequestParam(defaultValue = "") String creditorIban,
                @RequestParam(defaultValue = "") String creditorBic, @RequestParam(defaultValue = "") String creditorId,
                @RequestParam int preNotificationDays, RedirectAttributes redirect) {
        try {
            settings.save(new PaymentSettings(autoApplyThreshold, writeOffTolerance, surplus, planGraceDays,
                    promiseGraceDays, instalmentNoticeDays, blank(creditorName), blank(creditorIban), blank(creditorBic),
                    blank(creditorId), preNotificationDays));
            redirect.addFlashAttribute("done", "payments.saved");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/console/payments/settings";
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static String problem(BusinessRuleException e) {
        return e.errors().isEmpty() ? e.getMessage() : e.getMessage() + " "
                + String.join("; ", e.errors().stream().map(f -> f.field() + ": " + f.reason()).toList());
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", "payments.saved");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problem", problem(e));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/payments/direct-debit";
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem directDebitMenu() {
            return new ConsoleMenuItem(340, "nav.directDebit", "/console/payments/direct-debit", "payments:read");
        }

        @Bean
        ConsoleMenuItem paymentSettingsMenu() {
            return new ConsoleMenuItem(350, "nav.paymentSettings", "/console/payments/settings", "settings:manage");
        }
    }
}
