package io.creditflow.portal.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.portal.PortalActions;
import io.creditflow.portal.PortalMessages;
import io.creditflow.portal.PortalSession;
import io.creditflow.privacy.SelfServiceAccess;
import io.creditflow.receivables.Debtors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;
import java.util.Map;

/** The debtor's own details, their data download (an access request, completed at once) and their messages. */
@Controller
class PortalSelfService {

    private final PortalActions actions;
    private final PortalMessages messages;
    private final Debtors debtors;
    private final SelfServiceAccess privacy;
    private final JsonMapper json;

    PortalSelfService(PortalActions actions, PortalMessages messages, Debtors debtors, SelfServiceAccess privacy,
                      JsonMapper json) {
        this.actions = actions;
        this.messages = messages;
        this.debtors = debtors;
        this.privacy = privacy;
        this.json = json;
    }

    @GetMapping("/portal/contact")
    String contactForm(HttpServletRequest request, Model model) {
        PortalSession s = PortalView.require(request);
        var profile = debtors.get(s.debtorId()).profile();
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of("email", profile == null || profile.email() == null ? ""
                    : profile.email(), "phone", profile == null || profile.phone() == null ? "" : profile.phone()));
        }
        return "portal/contact";
    }

    @PostMapping("/portal/contact")
    String contact(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalSession s = PortalView.require(request);
        try {
            actions.updateContact(s.debtorId(), email, phone);
            return "redirect:/portal/contact?saved";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("values", Map.of("email", email, "phone", phone));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return contactForm(request, model);
        }
    }

    @GetMapping("/portal/data")
    String data() {
        return "portal/data";
    }

    @GetMapping(value = "/portal/data/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> exportJson(HttpServletRequest request) {
        PortalSession s = PortalView.require(request);
        byte[] body = json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(privacy.exportJson(s.debtorId(), "PORTAL"));
        return download(body, MediaType.APPLICATION_JSON, "my-data.json");
    }

    @GetMapping(value = "/portal/data/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> exportPdf(HttpServletRequest request, Locale locale) {
        PortalSession s = PortalView.require(request);
        return download(privacy.exportPdf(s.debtorId(), "PORTAL", locale), MediaType.APPLICATION_PDF, "my-data.pdf");
    }

    @GetMapping("/portal/messages")
    String thread(HttpServletRequest request, Model model) {
        PortalSession s = PortalView.require(request);
        model.addAttribute("messages", messages.thread(s.debtorId(), "DEBTOR"));
        return "portal/messages";
    }

    @PostMapping("/portal/messages")
    String write(@RequestParam(defaultValue = "") String message, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        PortalSession s = PortalView.require(request);
        try {
            messages.fromDebtor(s.debtorId(), message);
            return "redirect:/portal/messages?sent";
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("values", Map.of("message", message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return thread(request, model);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
