package io.creditflow.payments.statement;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Runs a file through the reader expecting a clean {@link StatementFormatException}, never another failure. */
final class HostileInput {

    private HostileInput() {
    }

    static String failure(String content) {
        return failure(content.getBytes(StandardCharsets.UTF_8));
    }

    static String failure(byte[] content) {
        return failure(new ByteArrayInputStream(content));
    }

    static String failure(InputStream content) {
        StatementFormatException e = catchThrowableOfType(StatementFormatException.class,
                () -> new BankStatementReader().read(content, (statement, entry) -> { }));
        assertThatThrownBy(() -> {
            throw e;
        }).isInstanceOf(StatementFormatException.class);
        return e.getMessage();
    }
}
