package io.creditflow.payments.statement;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for statement files of unknown format: looks at the first bytes and hands the stream to the
 * matching parser. XML means camt.053; a SWIFT block, a {@code :20:}-style tag or a bank header line
 * ({@code ABNANL2A}, {@code 0000 01INGBNL2A...}, {@code :940:}) means MT940; anything else is read as CSV.
 */
public final class BankStatementReader {

    private static final int SNIFF = 1024;

    private final CsvColumnMapping csvMapping;

    public BankStatementReader(CsvColumnMapping csvMapping) {
        this.csvMapping = csvMapping;
    }

    public BankStatementReader() {
        this(CsvColumnMapping.genericDefault());
    }

    /** Streams the file into the handler and says which format it was. */
    public StatementFormat read(InputStream in, StatementHandler handler) {
        BufferedInputStream buffered = new BufferedInputStream(in, 65_536);
        StatementFormat format = detect(buffered);
        StatementParser parser = switch (format) {
            case CAMT053 -> new Camt053Parser();
            case MT940 -> new Mt940Parser();
            case CSV -> new CsvStatementParser(csvMapping);
        };
        parser.parse(buffered, handler);
        return format;
    }

    /**
     * Reads a small file completely into memory, refusing more than {@code maxEntries} entries so that a preview
     * of a huge file cannot exhaust the heap.
     */
    public List<BankStatement> readAll(InputStream in, int maxEntries) {
        List<BankStatement> statements = new ArrayList<>();
        read(in, new StatementHandler() {
            private final List<StatementEntry> entries = new ArrayList<>();

            @Override
            public void entry(StatementHeader statement, StatementEntry entry) {
                if (entries.size() + statements.stream().mapToInt(s -> s.entries().size()).sum() >= maxEntries) {
                    throw new StatementFormatException("line " + entry.lineNumber(), "more than " + maxEntries
                            + " entries: too large to read into memory, stream it instead");
                }
                entries.add(entry);
            }

            @Override
            public void statementEnded(StatementHeader statement, StatementTotals totals) {
                statements.add(new BankStatement(statement, totals.closing(), entries));
                entries.clear();
            }
        });
        return statements;
    }

    static StatementFormat detect(BufferedInputStream in) {
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            String text = new String(head, TextDecoding.WINDOWS_1252).replace("\uFEFF", "").replace("ï»¿", "")
                    .stripLeading();
            if (text.isEmpty()) {
                throw new StatementFormatException("line 1", "the file is empty");
            }
            if (text.startsWith("<")) {
                return StatementFormat.CAMT053;
            }
            if (text.startsWith("{") || text.startsWith(":") || text.startsWith("ABNANL")
                    || text.matches("(?s)^0000 \\d{2}[A-Z]{6}.*")) {
                return StatementFormat.MT940;
            }
            return StatementFormat.CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
