package io.creditflow.acceptance;

import java.util.Map;

/**
 * Why: a stable code (for the shop's own logic and for statistics), parameters (amounts, source names), and the text in
 * the language asked for.
 */
public record Reason(String code, String text, Map<String, String> params) {

    public Reason {
        params = Map.copyOf(params);
    }
}
