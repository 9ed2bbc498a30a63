package io.creditflow.platform;

import java.util.List;

/**
 * A request that is well-formed but breaks a business rule (an invoice paid twice, a flow without steps). Answered as
 * 422 with a problem type naming the rule; {@code errors} lists field-level reasons when there are any.
 */
public class BusinessRuleException extends RuntimeException {

    private final String rule;
    private final List<FieldError> errors;

    public BusinessRuleException(String rule, String message) {
        this(rule, message, List.of());
    }

    public BusinessRuleException(String rule, String message, List<FieldError> errors) {
        super(message);
        this.rule = rule;
        this.errors = List.copyOf(errors);
    }

    public String rule() {
        return rule;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A reason tied to one field of the request (JSON pointer-like dotted path). */
    public record FieldError(String field, String reason) {
    }
}
