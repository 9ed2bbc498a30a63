package io.creditflow.platform.web;

import io.creditflow.platform.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} on POST: the same key with the same request answers the first response again and does
 * nothing twice; the same key with another request is a 409.
 *
 * <p>The key is claimed by inserting its record in the same transaction that does the work, and the response is
 * stored in it before commit. So the work and the record commit together or not at all: a crash in between leaves
 * neither, and the retry simply runs. A concurrent duplicate blocks on the unique key until the first commits and
 * then replays it. Only successful (2xx) responses are kept; failed requests roll back and may be retried.
 */
@Component
@Order(IdempotencyFilter.ORDER)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final int ORDER = TenantContextFilter.ORDER + 5;
    public static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || TenantContext.current().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 255) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 255 characters.");
            return;
        }
        try (ReplayableRequest replayable = ReplayableRequest.of(request)) {
            byte[] requestHash = hash(request, replayable.sha256());
            UUID tenant = TenantContext.require();
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            Outcome outcome = transaction.execute(status -> {
                boolean claimed = jdbc.sql("""
                                insert into idempotency_record (tenant_id, idem_key, request_hash, method, path)
                                values (:tenant, :key, :hash, :method, :path) on conflict do nothing""")
                        .param("tenant", tenant).param("key", key).param("hash", requestHash)
                        .param("method", request.getMethod()).param("path", request.getRequestURI())
                        .update() == 1;
                if (!claimed) {
                    return existing(tenant, key, requestHash);
                }
                try {
                    chain.doFilter(replayable.request(), wrapper);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (wrapper.getStatus() >= 200 && wrapper.getStatus() < 300) {
                    jdbc.sql("""
                                    update idempotency_record set status = :status, content_type = :type, body = :body
                                     where tenant_id = :tenant and idem_key = :key""")
                            .param("status", wrapper.getStatus()).param("type", wrapper.getContentType())
                            .param("body", wrapper.getContentAsByteArray())
                            .param("tenant", tenant).param("key", key).update();
                } else {
                    status.setRollbackOnly();
                }
                return Outcome.EXECUTED;
            });
            switch (outcome.kind) {
                case EXECUTED_KIND -> wrapper.copyBodyToResponse();
                case REPLAY -> {
                    response.setStatus(outcome.status);
                    if (outcome.contentType != null) {
                        response.setContentType(outcome.contentType);
                    }
                    response.setHeader("Idempotent-Replayed", "true");
                    response.getOutputStream().write(outcome.body);
                }
                case MISMATCH -> writeProblem(response, HttpStatus.CONFLICT, "idempotency-key-reused",
                        "Idempotency-Key reused", "This Idempotency-Key was already used for a different request.");
                case IN_FLIGHT -> writeProblem(response, HttpStatus.CONFLICT, "idempotency-key-in-use",
                        "Idempotency-Key in use", "A request with this Idempotency-Key is still being processed.");
            }
        }
    }

    private Outcome existing(UUID tenant, String key, byte[] requestHash) {
        Optional<Outcome> found = jdbc.sql("""
                        select request_hash, status, content_type, body from idempotency_record
                         where tenant_id = :tenant and idem_key = :key""")
                .param("tenant", tenant).param("key", key)
                .query((rs, n) -> {
                    if (!MessageDigest.isEqual(rs.getBytes(1), requestHash)) {
                        return Outcome.MISMATCHED;
                    }
                    int status = rs.getInt(2);
                    return rs.wasNull() ? Outcome.IN_FLIGHT_OUTCOME
                            : new Outcome(Kind.REPLAY, status, rs.getString(3), rs.getBytes(4));
                })
                .optional();
        return found.orElse(Outcome.IN_FLIGHT_OUTCOME);
    }

    private static byte[] hash(HttpServletRequest request, byte[] bodyHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes());
            digest.update((byte) 0);
            digest.update(request.getRequestURI().getBytes());
            digest.update((byte) 0);
            if (request.getQueryString() != null) {
                digest.update(request.getQueryString().getBytes());
            }
            digest.update((byte) 0);
            digest.update(bodyHash);
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemDetail problem = ApiExceptionHandler.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private enum Kind { EXECUTED_KIND, REPLAY, MISMATCH, IN_FLIGHT }

    private record Outcome(Kind kind, int status, @org.jspecify.annotations.Nullable String contentType,
                           byte @org.jspecify.annotations.Nullable [] body) {
        static final Outcome EXECUTED = new Outcome(Kind.EXECUTED_KIND, 0, null, null);
        static final Outcome MISMATCHED = new Outcome(Kind.MISMATCH, 0, null, null);
        static final Outcome IN_FLIGHT_OUTCOME = new Outcome(Kind.IN_FLIGHT, 0, null, null);
    }
}
