package io.creditflow.payments.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One plain-language reason for (or against) a proposal: a message code ({@code reason.<code>} in the payments
 * message bundle) and its arguments, so the console and the API can say it in the reader's language. Arguments are
 * invoice numbers, references and amounts, never a person's name or account.
 */
public record Reason(String code, List<String> args) {

    public Reason {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Reason of(String code, Object... args) {
        return new Reason(code, Arrays.stream(args).map(String::valueOf).toList());
    }
}
