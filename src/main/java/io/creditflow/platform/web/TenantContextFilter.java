package io.creditflow.platform.web;

import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * After authentication, enters the tenant of whoever is calling for the rest of the request. The platform operator
 * enters the platform pseudo-tenant: it sees the platform's own rows (its audit chain) and no tenant's data.
 */
@Component
@Order(TenantContextFilter.ORDER)
public class TenantContextFilter extends OncePerRequestFilter {

    /** Right after Spring Security's filter chain (-100). */
    public static final int ORDER = -95;

    private final TenantScope tenantScope;

    public TenantContextFilter(TenantScope tenantScope) {
        this.tenantScope = tenantScope;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = Actor.current();
        UUID tenant = actor.tenantId() != null ? actor.tenantId()
                : actor.type() == Actor.Type.OPERATOR ? TenantContext.PLATFORM : null;
        if (tenant == null) {
            chain.doFilter(request, response);
            return;
        }
        try (TenantScope.Scope ignored = tenantScope.enter(tenant)) {
            chain.doFilter(request, response);
        }
    }
}
