package io.creditflow.tenancy.security;

import io.creditflow.platform.web.ApiExceptionHandler;
import io.creditflow.platform.web.PublicPaths;
import io.creditflow.tenancy.ApiKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Two doors. {@code /api/**}: stateless, {@code Authorization: Bearer <api key>}, errors as problem details, no
 * cookies hence no CSRF. Everything else: the console with form login, a server session (fixation-protected, idle
 * timeout), CSRF tokens on every form, and strict headers (a CSP without inline script, frame denial, HSTS over TLS).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Per-key rate limits; the default must not throttle 2,000 credit checks a second on one key. */
    @Bean
    ApiRateLimiter apiRateLimiter(
            @org.springframework.beans.factory.annotation.Value("${creditflow.security.api-rate-limit.per-second:5000}")
            int perSecond) {
        return new ApiRateLimiter(perSecond);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ApiRateLimiter limiter, JsonMapper json,
                            ObjectProvider<PublicPaths> publicPaths) throws Exception {
        String[] open = publicPaths.orderedStream().flatMap(p -> p.patterns().stream())
                .filter(p -> p.startsWith("/api/")).toArray(String[]::new);
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, limiter, (res, retryAfter) -> {
                    res.setHeader("Retry-After", String.valueOf(retryAfter));
                    problem(res, json, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                            "This API key's rate limit is exceeded; retry after " + retryAfter + " s.");
                }), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, json, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Unauthorized", "Send a valid API key as 'Authorization: Bearer <key>'."))
                        .accessDeniedHandler((req, res, ex) -> problem(res, json, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "Your API key's scopes do not allow this operation.")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> {
                    // a streamed answer (StreamingResponseBody) finishes on an async dispatch that carries no key:
                    // it was authorised when the request came in
                    a.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll();
                    if (open.length > 0) {
                        a.requestMatchers(open).permitAll();
                    }
                    a.anyRequest().authenticated();
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
                                @org.springframework.beans.factory.annotation.Value(
                                        "${creditflow.security.login-attempts-per-ip:20}") int loginAttempts)
            throws Exception {
        String[] open = publicPaths.orderedStream().flatMap(p -> p.patterns().stream())
                .filter(p -> !p.startsWith("/api/")).toArray(String[]::new);
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                            "/error", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
                    if (open.length > 0) {
                        a.requestMatchers(open).permitAll();
                    }
                    a.requestMatchers("/operator/**").hasAuthority("platform:operate");
                    a.anyRequest().authenticated();
                })
                .addFilterBefore(new LoginRateLimiter(loginAttempts), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").successHandler((req, res, auth) ->
                        res.sendRedirect(req.getContextPath() + (auth.getAuthorities().stream()
                                .anyMatch(g -> g.getAuthority().equals("platform:operate")) ? "/operator" : "/console/home")))
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?"
                                + (ex instanceof org.springframework.security.authentication.LockedException
                                ? "locked" : "error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
                                String title, String detail) throws IOException {
        ProblemDetail problem = ApiExceptionHandler.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
