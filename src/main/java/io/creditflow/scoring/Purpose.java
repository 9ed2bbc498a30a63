package io.creditflow.scoring;

import java.util.Locale;

/**
 * What a model predicts. ACCEPTANCE: at order time, the probability that a new customer or order goes bad.
 * COLLECTABILITY: per open invoice (and dunning step), the probability that it is NOT paid within the model's horizon;
 * its complement is the probability of collection the valuation and the worklist use.
 */
public enum Purpose {
    ACCEPTANCE, COLLECTABILITY;

    /** From a path segment or form value: "acceptance", "COLLECTABILITY". */
    public static Purpose parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.creditflow.platform.ValidationException("unknown purpose '" + text + "'", java.util.List.of(
                    new io.creditflow.platform.BusinessRuleException.FieldError("purpose",
                            "must be acceptance or collectability")));
        }
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
