package io.creditflow.payments.statement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Loads the hand-written statement fixtures under src/test/resources/statements. */
final class Fixtures {

    private Fixtures() {
    }

    static InputStream open(String name) {
        return Objects.requireNonNull(Fixtures.class.getResourceAsStream("/statements/" + name), name);
    }

    static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static List<BankStatement> read(String name) {
        try (InputStream in = open(name)) {
            return new BankStatementReader().readAll(in, 10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<BankStatement> read(byte[] content) {
        return new BankStatementReader().readAll(new ByteArrayInputStream(content), 10_000);
    }

    static List<BankStatement> read(String content, boolean utf8) {
        return read(content.getBytes(utf8 ? StandardCharsets.UTF_8 : TextDecoding.WINDOWS_1252));
    }
}
