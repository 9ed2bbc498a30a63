package io.creditflow.tenancy.web;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;

/**
 * Bean validation run inside the handler, after {@code @PreAuthorize} has let the caller in: with {@code @Valid} on
 * the parameter, Spring validates while resolving arguments, before method security, so a caller without the scope
 * would learn the request's rules (400) instead of being refused (403).
 */
final class Checks {

    private Checks() {
    }

    static void valid(Validator validator, Object request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field)).toList();
            throw new ValidationException("The request has invalid fields.", errors);
        }
    }
}
