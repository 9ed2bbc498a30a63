package io.creditflow.portal.web;

import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.portal.PortalSession;
import io.creditflow.portal.PortalSettings;
import io.creditflow.portal.PortalSettingsStore;
import io.creditflow.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR;

/** The portal session of a request, and what every portal page shows around its content (the tenant's look). */
@Component
class PortalView {

    static final List<String> LANGUAGES = List.of("nl", "en", "de", "fr");

    /** The tenant's look for the portal layout; defaults on the sign-in pages. */
    record Look(String creditor, PortalSettings settings, boolean signedIn) {
        public @Nullable String text(String language, String key) {
            return settings.text(language, key);
        }
    }

    private final TenantScope tenantScope;
    private final PortalSettingsStore settings;
    private final Tenants tenants;
    private final DSLContext dsl;

    PortalView(TenantScope tenantScope, PortalSettingsStore settings, Tenants tenants, DSLContext dsl) {
        this.tenantScope = tenantScope;
        this.settings = settings;
        this.tenants = tenants;
        this.dsl = dsl;
    }

    boolean signedIn(HttpServletRequest request) {
        return session(request).isPresent();
    }

    static Optional<PortalSession> session(HttpServletRequest request) {
        HttpSession http = request.getSession(false);
        return Optional.ofNullable(http == null ? null : (PortalSession) http.getAttribute(PortalSession.ATTRIBUTE));
    }

    /** The session of a guarded page ({@link PortalSessionFilter} let it through only with one). */
    static PortalSession require(HttpServletRequest request) {
        return session(request).orElseThrow(() -> new IllegalStateException("no portal session"));
    }

    Optional<String> debtorLanguage(PortalSession session) {
        return tenantScope.inTenant(session.tenantId(), () -> dsl.select(DEBTOR.LANGUAGE).from(DEBTOR)
                .where(DEBTOR.ID.eq(session.debtorId())).fetchOptional(DEBTOR.LANGUAGE))
                .filter(LANGUAGES::contains);
    }

    Look look(HttpServletRequest request) {
        if (!signedIn(request) || TenantContext.current().isEmpty()) {
            return new Look("", PortalSettings.defaults(), false);
        }
        PortalSettings s = settings.current();
        UUID tenant = TenantContext.require();
        return new Look(s.displayName() != null ? s.displayName() : tenants.find(tenant).name(), s, true);
    }

    /** Gives the portal's pages the tenant's look. */
    @ControllerAdvice(assignableTypes = {PortalSignIn.class, PortalPages.class, PortalSelfService.class})
    static class Advice {
        private final PortalView view;

        Advice(PortalView view) {
            this.view = view;
        }

        @ModelAttribute("look")
        Look look(HttpServletRequest request) {
            return view.look(request);
        }

        @ModelAttribute("languages")
        List<String> languages() {
            return LANGUAGES;
        }
    }
}
