package io.creditflow.portal.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.portal.PortalMessages;
import io.creditflow.portal.PortalSettings;
import io.creditflow.portal.PortalSettingsStore;
import io.creditflow.receivables.Debtors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's side of the portal in the console: its look and rules (with the contrast check on save), and the
 * inbox of debtors' messages, where a collector reads a thread and answers.
 */
@Controller
class PortalConsole {

    private final PortalSettingsStore settings;
    private final PortalMessages messages;
    private final Debtors debtors;

    PortalConsole(PortalSettingsStore settings, PortalMessages messages, Debtors debtors) {
        this.settings = settings;
        this.messages = messages;
        this.debtors = debtors;
    }

    @GetMapping("/console/portal")
    @PreAuthorize("hasAuthority('portal:manage')")
    String settingsPage(Model model) {
        if (!model.containsAttribute("s")) {
            model.addAttribute("s", settings.current());
        }
        model.addAttribute("languages", PortalView.LANGUAGES);
        return "portal/console-settings";
    }

    @PostMapping("/console/portal")
    @PreAuthorize("hasAuthority('portal:manage')")
    String save(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        List<FieldError> errors = new ArrayList<>();
        PortalSettings s = new PortalSettings(form.get("displayName"), form.getOrDefault("brandColour", ""),
                form.getOrDefault("brandTextColour", ""), texts(form), false,
                whole(form, "planMaxInstalments", errors), whole(form, "planAutoInstalments", errors),
                amount(form, "planMinInstalment", errors), whole(form, "planMaxFirstDays", errors));
        try {
            if (!errors.isEmpty()) {
                throw new io.creditflow.platform.ValidationException("invalid", errors);
            }
            settings.save(s);
            return "redirect:/console/portal?saved";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("s", s);
            response.setStatus(400);
            return settingsPage(model);
        }
    }

    @PostMapping(value = "/console/portal/logo", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('portal:manage')")
    String logo(@RequestParam("logo") MultipartFile logo, Model model, HttpServletResponse response)
            throws IOException {
        try {
            settings.saveLogo(logo.getBytes());
            return "redirect:/console/portal?saved";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            response.setStatus(400);
            return settingsPage(model);
        }
    }

    @GetMapping("/console/portal/messages")
    @PreAuthorize("hasAuthority('portal:messages')")
    String inbox(Model model) {
        var threads = messages.inbox(200);
        Map<UUID, String> names = new LinkedHashMap<>();
        // the inbox names each debtor: one audited read per debtor shown
        threads.forEach(t -> names.put(t.debtorId(), debtors.get(t.debtorId()).displayName()));
        model.addAttribute("threads", threads);
        model.addAttribute("names", names);
        return "portal/console-inbox";
    }

    @GetMapping("/console/portal/messages/{debtorId}")
    @PreAuthorize("hasAuthority('portal:messages')")
    String thread(@PathVariable UUID debtorId, Model model) {
        model.addAttribute("debtor", debtors.get(debtorId));
        model.addAttribute("messages", messages.thread(debtorId, "TENANT"));
        return "portal/console-thread";
    }

    @PostMapping("/console/portal/messages/{debtorId}")
    @PreAuthorize("hasAuthority('portal:messages')")
    String answer(@PathVariable UUID debtorId, @RequestParam(defaultValue = "") String message, Model model,
                  HttpServletResponse response) {
        debtors.get(debtorId);
        try {
            messages.fromTenant(debtorId, message);
            return "redirect:/console/portal/messages/" + debtorId + "?sent";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            response.setStatus(400);
            return thread(debtorId, model);
        }
    }

    private static Map<String, Map<String, String>> texts(Map<String, String> form) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String lang : PortalView.LANGUAGES) {
            Map<String, String> t = new LinkedHashMap<>();
            for (String key : List.of("welcome", "contact")) {
                String v = form.get("texts." + lang + "." + key);
                if (v != null) {
                    t.put(key, v);
                }
            }
            out.put(lang, t);
        }
        return out;
    }

    private static int whole(Map<String, String> form, String field, List<FieldError> errors) {
        try {
            return Integer.parseInt(form.getOrDefault(field, "").trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return 0;
        }
    }

    private static BigDecimal amount(Map<String, String> form, String field, List<FieldError> errors) {
        try {
            return new BigDecimal(form.getOrDefault(field, "").trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be an amount like 25.00"));
            return BigDecimal.ZERO;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem portalSettingsMenu() {
            return new ConsoleMenuItem(880, "nav.portal", "/console/portal", "portal:manage");
        }

        @Bean
        ConsoleMenuItem portalInboxMenu() {
            return new ConsoleMenuItem(450, "nav.portalMessages", "/console/portal/messages", "portal:messages");
        }
    }

}
