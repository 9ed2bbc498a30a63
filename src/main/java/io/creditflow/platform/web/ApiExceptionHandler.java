package io.creditflow.platform.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ConflictException;
import io.creditflow.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every API error is an RFC 9457 problem: a type URI, a title, the status, a human detail, and for validation a list
 * of {@code {"field","reason"}}. No stack traces and no exception class names leave the server; unexpected errors
 * carry an error id that is also in the log.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    public static final String TYPE_BASE = "https://creditflow.io/problems/";

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-edit", "Concurrent edit",
                "The object was changed by someone else meanwhile; reload it and apply your change again.");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail businessRule(BusinessRuleException e) {
        ProblemDetail problem = e instanceof io.creditflow.platform.ValidationException
                ? problem(HttpStatus.BAD_REQUEST, "validation", "Validation failed", e.getMessage())
                : problem(HttpStatus.UNPROCESSABLE_CONTENT, e.rule(), "Business rule violated", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
        }
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidValue(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role or API key scope does not allow this operation.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Validation failed",
                "Parameter '" + e.getName() + "' has an invalid value.");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "reason", "invalid value")));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Quote error id " + errorId + " when you report it.");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(Map.of("field", f.getField(),
                "reason", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                "reason", g.getDefaultMessage() == null ? "invalid" : g.getDefaultMessage())));
        return validation(errors, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String field = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(Map.of("field", field == null ? "?" : field,
                    "reason", err.getDefaultMessage() == null ? "invalid" : err.getDefaultMessage())));
        }
        return validation(errors, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String reason = "malformed JSON";
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException jackson) {
            field = path(jackson);
            reason = jackson.getOriginalMessage();
            if (reason != null && reason.length() > 200) {
                reason = reason.substring(0, 200) + "...";
            }
        }
        if (field == null || field.isEmpty()) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is not valid JSON for this operation: " + reason);
            return ResponseEntity.badRequest().headers(headers).body(problem);
        }
        return validation(List.of(Map.of("field", field, "reason", reason == null ? "invalid value" : reason)), headers);
    }

    private static ResponseEntity<Object> validation(List<Map<String, String>> errors, HttpHeaders headers) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Validation failed",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
