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
    private final ApiRateLimiter limiter;
    private final RateLimitedResponse tooMany;

    /** Writes the 429 answer (a problem detail). */
    interface RateLimitedResponse {
        void write(HttpServletResponse response, long retryAfterSeconds) throws IOException;
    }

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, ApiRateLimiter limiter, RateLimitedResponse tooMany) {
        this.apiKeys = apiKeys;
        this.limiter = limiter;
        this.tooMany = tooMany;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var key = apiKeys.authenticate(header.substring(7).trim());
            if (key.isPresent()) {
                var probe = limiter.tryConsume(key.get());
                response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
                if (!probe.isConsumed()) {
                    long wait = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                    tooMany.write(response, wait);
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key.get()));
            }
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
