package io.creditflow.platform;

import java.util.List;

/** Input that fails field-level validation: answered as 400 with every field and its reason. */
public class ValidationException extends BusinessRuleException {

    public ValidationException(String message, List<FieldError> errors) {
        super("validation", message, errors);
    }
}
