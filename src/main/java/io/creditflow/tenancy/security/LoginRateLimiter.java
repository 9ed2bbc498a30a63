package io.creditflow.tenancy.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Limits sign-in attempts per client address ({@code creditflow.security.login-attempts-per-ip} per 5 minutes, per
 * node; 20 by default), against password spraying across many logins; the per-login lock-out after repeated failures
 * is in {@link LoginUserDetailsService}.
 */
class LoginRateLimiter extends OncePerRequestFilter {

    private final int attempts;

    LoginRateLimiter(int attempts) {
        this.attempts = attempts;
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(request.getRemoteAddr(), ip -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, Duration.ofMinutes(5)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
