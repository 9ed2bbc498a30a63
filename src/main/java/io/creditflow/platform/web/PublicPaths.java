package io.creditflow.platform.web;

import java.util.List;

/**
 * Paths a module serves without a console session or API key (the debtor portal with its own token check, a payment
 * provider's webhook with its signature check). Declare a bean; the security configuration permits them.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
