package io.creditflow.payments.statement;

import org.jspecify.annotations.Nullable;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Streams camt.053 (BankToCustomerStatement) of any version from 001.02 on with StAX: only the entry being read is in
 * memory, whatever the file size. Elements are matched by local name once the root's namespace says camt.053, which
 * covers the dialect differences between versions ({@code Sts} versus {@code Sts/Cd}, {@code Dbtr/Nm} versus
 * {@code Dbtr/Pty/Nm}, v02 transaction amounts only in {@code AmtDtls/TxAmt/Amt}).
 *
 * <p>StAX rather than Prowide's pw-iso20022: Prowide binds a whole message to JAXB objects, so a 200 MB statement
 * would need its full object tree in memory; it also ships 54 MB of classes for the one message type needed here.
 */
public final class Camt053Parser implements StatementParser {

    static final int MAX_TEXT = 10_000;
    static final int MAX_DEPTH = 48;
    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.";

    @Override
    public void parse(InputStream in, StatementHandler handler) {
        XMLStreamReader reader;
        try {
            reader = SafeXml.factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new StatementFormatException(location(e.getLocation(), "/"), message(e), e);
        }
        try {
            new CamtRun(reader, new StatementEmitter(handler)).run();
        } catch (XMLStreamException e) {
            throw new StatementFormatException(location(e.getLocation(), "XML"), message(e), e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release that the caller's stream does not hold
            }
        }
    }

    static CreditDebit creditDebit(String code) {
        return switch (code.strip()) {
            case "CRDT" -> CreditDebit.CREDIT;
            case "DBIT" -> CreditDebit.DEBIT;
            default -> throw new IllegalArgumentException("'" + code + "' is not CRDT or DBIT");
        };
    }

    /** {@code Dt} or {@code DtTm}: the calendar date is what books; a time and offset add nothing here. */
    static LocalDate date(String text) {
        String value = text.strip();
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date (YYYY-MM-DD)", e);
        }
    }

    static String location(@Nullable Location location, String path) {
        if (location == null) {
            return path;
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + " (" + path + ")";
    }

    /** The JDK prefixes messages with "ParseError at [row,col]:[..]"; the location is reported separately. */
    private static String message(XMLStreamException e) {
        String text = String.valueOf(e.getMessage());
        int index = text.indexOf("Message: ");
        return index >= 0 ? text.substring(index + 9).strip() : text;
    }

    static String namespaceVersion(@Nullable String namespace, String root, String location) {
        if (!"Document".equals(root) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
            throw new StatementFormatException(location, "not a camt.053 statement: root element {"
                    + namespace + "}" + root + " (expected Document in " + NAMESPACE_PREFIX + "001.NN)");
        }
        return namespace.substring(namespace.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** Reading state of one file: the element path, the statement and the entry being read. */
    private static final class CamtRun {
        private final XMLStreamReader r;
        private final StatementEmitter emitter;
        private final EntryKeys keys = new EntryKeys();
        private final String[] path = new String[MAX_DEPTH];
        private int depth;
        private boolean pushedBack;
        private @Nullable String dialect;
        private @Nullable CamtStatement statement;
        private @Nullable CamtEntry entry;
        private int statements;
        private int entryIndex;

        CamtRun(XMLStreamReader reader, StatementEmitter emitter) {
            this.r = reader;
            this.emitter = emitter;
        }

        void run() throws XMLStreamException {
            while (pushedBack || r.hasNext()) {
                int event = pushedBack ? r.getEventType() : r.next();
                pushedBack = false;
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new StatementFormatException(here(),
                            "a DOCTYPE is not allowed in a bank statement (it could define entities)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new StatementFormatException(here(),
                            "entity reference &" + r.getLocalName() + "; is not allowed");
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {
                        // whitespace, comments and processing instructions between elements
                    }
                }
            }
            if (statements == 0) {
                throw new StatementFormatException(here(), "the document holds no Stmt");
            }
        }

        private void start() throws XMLStreamException {
            if (depth == MAX_DEPTH) {
                throw new StatementFormatException(here(), "elements nest deeper than " + MAX_DEPTH + " levels");
            }
            String name = r.getLocalName();
            path[depth++] = name;
            if (depth == 1) {
                dialect = namespaceVersion(r.getNamespaceURI(), name, here());
                return;
            }
            if (depth == 3 && name.equals("Stmt") && "BkToCstmrStmt".equals(path[1])) {
                statement = new CamtStatement(dialect);
                return;
            }
            if (statement == null || depth < 4) {
                return;
            }
            startInStatement(name);
        }

        private void startInStatement(String name) throws XMLStreamException {
            if (depth == 4 && name.equals("Ntry")) {
                if (emitter.inStatement() == false) {
                    emitter.start(statement.header(here()));
                }
                entryIndex++;
                entry = new CamtEntry(r.getLocation().getLineNumber());
                return;
            }
            if (entry != null) {
                startInEntry();
                return;
            }
            String relative = relative(3);
            String ccy = r.getAttributeValue(null, "Ccy");
            if (isLeafCandidate(relative)) {
                String text = readText();
                if (text != null) {
                    apply(() -> statement.text(relative, text, ccy));
                }
            }
        }

        private void startInEntry() throws XMLStreamException {
            String relative = relative(4);
            if (relative.equals("NtryDtls/TxDtls")) {
                entry.startTransaction(here());
                return;
            }
            if (relative.equals("NtryDtls/Btch")) {
                entry.batch = true;
                return;
            }
            String ccy = r.getAttributeValue(null, "Ccy");
            CamtTransaction tx = entry.transaction;
            String txPath = tx != null && relative.startsWith("NtryDtls/TxDtls/") ? relative.substring(16) : null;
            String text = readText();
            if (text == null) {
                return;
            }
            if (txPath != null) {
                apply(() -> tx.text(txPath, text, ccy));
            } else {
                apply(() -> entry.text(relative, text, ccy));
            }
        }

        private void end() {
            String name = path[--depth];
            if (statement == null) {
                return;
            }
            if (entry != null) {
                if (depth == 5 && name.equals("TxDtls")) {
                    entry.endTransaction();
                } else if (depth == 3 && name.equals("Ntry")) {
                    finishEntry();
                }
                return;
            }
            if (depth == 3 && name.equals("Bal")) {
                statement.endBalance(here());
            } else if (depth == 2 && name.equals("Stmt")) {
                finishStatement();
            }
        }

        private void finishEntry() {
            CamtEntry done = entry;
            entry = null;
            String location = here() + " entry " + entryIndex;
            StatementHeader header = statement.header(location);
            StatementEntry built = apply(() -> done.finish(header.account(),
                    keys.next("camt:", header.account(), done.bookingDate, done.amount, done.creditDebit,
                            entryIndex), location));
            emitter.entry(built, location);
        }

        private void finishStatement() {
            CamtStatement done = statement;
            statement = null;
            if (!emitter.inStatement()) {
                emitter.start(done.header(here()));
            }
            if (done.closing == null) {
                throw new StatementFormatException(here(), "statement " + done.id
                        + " has no closing balance (Bal with type CLBD)");
            }
            emitter.end(done.closing, here());
            statements++;
            entryIndex = 0;
        }

        /** Leaf elements of the statement header; anything else is structure to descend into. */
        private static boolean isLeafCandidate(String relative) {
            return !relative.equals("Bal") && !relative.startsWith("Ntry");
        }

        /** Reads an element's text, bounded; returns null (and pushes the event back) if it has child elements. */
        private @Nullable String readText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() + r.getTextLength() > MAX_TEXT) {
                            throw new StatementFormatException(here(), "element " + path[depth - 1]
                                    + " holds more than " + MAX_TEXT + " characters");
                        }
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        return text.toString();
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        pushedBack = true;
                        return null;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new StatementFormatException(here(),
                            "entity reference &" + r.getLocalName() + "; is not allowed");
                    default -> {
                        // comments and processing instructions inside text carry nothing
                    }
                }
            }
        }

        private <T> T apply(java.util.function.Supplier<T> action) {
            try {
                return action.get();
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new StatementFormatException(here(), e.getMessage(), e);
            }
        }

        private String relative(int from) {
            return String.join("/", java.util.Arrays.asList(path).subList(from, depth));
        }

        private String here() {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                p.append('/').append(path[i]);
            }
            return location(r.getLocation(), p.isEmpty() ? "/" : p.toString());
        }
    }
}
