package io.creditflow.portal.web;

import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.web.TenantContextFilter;
import io.creditflow.portal.PortalSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The portal's guard. Portal paths are public to Spring Security (a debtor has no account); this filter lets a
 * request past the sign-in pages only with a portal session, runs it in that session's tenant, and makes the debtor
 * the acting party for the audit log (an authentication with no authorities, for this request only: it is never
 * stored, so it opens no console page).
 */
@Component
@Order(TenantContextFilter.ORDER + 1)
class PortalSessionFilter extends OncePerRequestFilter {

    /** Reachable without a portal session: signing in, and the stylesheet the sign-in pages use. */
    static final List<String> OPEN = List.of("/portal/t/", "/portal/code", "/portal/branding.css", "/portal/signed-out");

    private final TenantScope tenantScope;

    PortalSessionFilter(TenantScope tenantScope) {
        this.tenantScope = tenantScope;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !(path.equals("/portal") || path.startsWith("/portal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession http = request.getSession(false);
        PortalSession session = http == null ? null : (PortalSession) http.getAttribute(PortalSession.ATTRIBUTE);
        String path = request.getServletPath();
        if (session == null) {
            if (OPEN.stream().anyMatch(path::startsWith)) {
                chain.doFilter(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + "/portal/code");
            }
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext debtor = SecurityContextHolder.createEmptyContext();
        debtor.setAuthentication(new DebtorAuthentication(session));
        SecurityContextHolder.setContext(debtor);
        try (var ignored = tenantScope.enter(session.tenantId())) {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The debtor as the acting party; no authorities. */
    static final class DebtorAuthentication extends AbstractAuthenticationToken {

        private final DebtorPrincipal principal;

        DebtorAuthentication(PortalSession session) {
            super(Set.of());
            this.principal = new DebtorPrincipal(session);
            setAuthenticated(true);
        }

        @Override
        public String getName() {
            return "debtor:" + principal.session().debtorId();
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }

    record DebtorPrincipal(PortalSession session) implements Actor.Principal {
        @Override
        public Actor actor() {
            return new Actor(Actor.Type.DEBTOR, session.debtorId().toString(), "debtor (portal)", session.tenantId());
        }
    }
}
