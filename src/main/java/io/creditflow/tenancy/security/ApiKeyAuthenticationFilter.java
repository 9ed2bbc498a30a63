package io.creditflow.tenancy.security;

import io.creditflow.platform.Actor;
import io.creditflow.tenancy.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** {@code Authorization: Bearer <api key>}: authenticates a machine client with its key's scopes as authorities. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            apiKeys.authenticate(header.substring(7).trim()).ifPresent(key -> SecurityContextHolder.getContext()
                    .setAuthentication(new ApiKeyAuthentication(key)));
        }
        chain.doFilter(request, response);
    }

    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {
        private final ApiKeyPrincipal principal;

        ApiKeyAuthentication(ApiKeys.Authenticated key) {
            super(key.scopes().stream().map(SimpleGrantedAuthority::new).toList());
            this.principal = new ApiKeyPrincipal(key);
            setAuthenticated(true);
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

    record ApiKeyPrincipal(ApiKeys.Authenticated key) implements Actor.Principal {
        @Override
        public Actor actor() {
            return new Actor(Actor.Type.API_KEY, key.keyId().toString(), key.name(), key.tenantId());
        }
    }
}
