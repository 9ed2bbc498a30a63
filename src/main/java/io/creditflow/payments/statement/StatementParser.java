package io.creditflow.payments.statement;

import java.io.InputStream;

/** Reads one statement format from a stream and hands what it reads to a handler, entry by entry. */
public interface StatementParser {

    /**
     * Reads the whole stream. The caller closes it.
     *
     * @throws StatementFormatException when the file is malformed, hostile or does not balance
     */
    void parse(InputStream in, StatementHandler handler);
}
