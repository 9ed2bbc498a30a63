package io.creditflow.portal.web;

import io.creditflow.platform.web.PublicPaths;
import io.creditflow.portal.PortalAccess;
import io.creditflow.portal.PortalSession;
import io.creditflow.portal.PortalSettings;
import io.creditflow.portal.PortalSettingsStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * Signing in to the portal (a link from a message, or a code from a letter or SMS with a second factor), signing
 * out, and the tenant's look (stylesheet with its colours, logo). A new sign-in always gets a new session id.
 */
@Controller
class PortalSignIn {

    private final PortalAccess access;
    private final PortalSettingsStore settings;
    private final LocaleResolver locales;
    private final PortalView view;

    PortalSignIn(PortalAccess access, PortalSettingsStore settings, LocaleResolver locales, PortalView view) {
        this.access = access;
        this.settings = settings;
        this.locales = locales;
        this.view = view;
    }

    @GetMapping("/portal/t/{token}")
    String link(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return signedIn(access.withLink(token, request.getRemoteAddr()), request, response, model, true);
    }

    @GetMapping("/portal/code")
    String codeForm(Model model) {
        model.addAttribute("form", new CodeForm("", ""));
        return "portal/signin";
    }

    @PostMapping("/portal/code")
    String code(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String secondFactor,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("form", new CodeForm(code, ""));
        return signedIn(access.withCode(code, secondFactor, request.getRemoteAddr()), request, response, model, false);
    }

    @PostMapping("/portal/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PortalSession.ATTRIBUTE);
            request.changeSessionId();
        }
        return "redirect:/portal/signed-out";
    }

    @GetMapping("/portal/signed-out")
    String signedOut(Model model) {
        model.addAttribute("signedOut", true);
        model.addAttribute("form", new CodeForm("", ""));
        return "portal/signin";
    }

    /** The tenant's colours as CSS custom properties (the CSP allows no inline style); defaults before sign-in. */
    @GetMapping(value = "/portal/branding.css", produces = "text/css")
    ResponseEntity<String> branding(HttpServletRequest request) {
        PortalSettings s = view.signedIn(request) ? settings.current() : PortalSettings.defaults();
        String css = ":root{--portal-brand:" + s.brandColour() + ";--portal-brand-text:" + s.brandTextColour() + "}\n";
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/css"))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(css);
    }

    @GetMapping("/portal/logo")
    ResponseEntity<byte[]> logo() {
        return settings.logo().map(l -> ResponseEntity.ok().contentType(MediaType.parseMediaType(l.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate()).body(l.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String signedIn(PortalAccess.Outcome outcome, HttpServletRequest request, HttpServletResponse response,
                            Model model, boolean viaLink) {
        if (outcome.session().isEmpty()) {
            boolean throttled = outcome.refusal().orElseThrow() == PortalAccess.Refusal.THROTTLED;
            response.setStatus(throttled ? 429 : viaLink ? 404 : 401);
            model.addAttribute("error", throttled ? "portal.signin.throttled"
                    : viaLink ? "portal.signin.linkInvalid" : "portal.signin.invalid");
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", new CodeForm("", ""));
            }
            return "portal/signin";
        }
        PortalSession session = outcome.session().get();
        HttpSession http = request.getSession(true);
        request.changeSessionId();
        http.setAttribute(PortalSession.ATTRIBUTE, session);
        if (request.getParameter("lang") == null) {
            view.debtorLanguage(session).ifPresent(lang -> locales.setLocale(request, response, Locale.forLanguageTag(lang)));
        }
        return "redirect:/portal";
    }

    /** What the code form shows again after a refusal (never the second factor). */
    record CodeForm(String code, String secondFactor) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Public {
        /** Public to Spring Security; {@link PortalSessionFilter} guards every page behind a portal session. */
        @Bean
        PublicPaths portalPublicPaths() {
            return PublicPaths.of("/portal", "/portal/**");
        }
    }
}
