package io.creditflow.payments.statement;

import io.creditflow.shared.Iban;
import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams MT940 files line by line: fields are assembled from their lines ({@code :86:} lines of at most 65
 * characters are re-joined without separator, as SWIFT wraps them mid-word), and each entry is handed over as soon as
 * the next field shows it is complete. SWIFT envelopes ({@code {1:...}{4:}, {@code -}}) and bank header lines are
 * skipped; the dialect comes from those header lines or else from the account's bank code.
 */
public final class Mt940Parser implements StatementParser {

    static final int MAX_LINE = 4_096;
    static final int MAX_FIELD = 32_768;
    private static final Pattern TAG = Pattern.compile(":(\\d{2}[A-Z]?):(.*)");

    @Override
    public void parse(InputStream in, StatementHandler handler) {
        TextDecoding.Decoded decoded = TextDecoding.open(in);
        new Run(new BoundedLineReader(decoded.reader(), MAX_LINE, "MT940 file"), handler).run();
    }

    /** One field being assembled: its tag, its first line and its continuation lines. */
    private static final class Field {
        final String tag;
        final long line;
        final StringBuilder joined;
        final String first;
        final List<String> continuation = new ArrayList<>(2);

        Field(String tag, String first, long line) {
            this.tag = tag;
            this.first = first;
            this.line = line;
            this.joined = new StringBuilder(first);
        }

        boolean takesContinuation() {
            return tag.equals("86") || tag.equals("61");
        }

        void add(String text) {
            if (joined.length() + text.length() > MAX_FIELD) {
                throw new StatementFormatException("line " + line, "field :" + tag + ": is longer than "
                        + MAX_FIELD + " characters");
            }
            joined.append(text);
            continuation.add(text);
        }
    }

    private static final class Run {
        private final BoundedLineReader lines;
        private final StatementEmitter emitter;
        private final EntryKeys keys = new EntryKeys();
        private @Nullable Mt940Dialect headerDialect;
        private Mt940Dialect dialect = Mt940Dialect.GENERIC;
        private @Nullable Field field;
        private @Nullable String statementId;
        private @Nullable String sequence;
        private @Nullable String account;
        private @Nullable StatementHeader header;
        private @Nullable Field pending61;
        private @Nullable String pending86;
        private int statements;

        Run(BoundedLineReader lines, StatementHandler handler) {
            this.lines = lines;
            this.emitter = new StatementEmitter(handler);
        }

        void run() {
            String line;
            while ((line = lines.readLine()) != null) {
                accept(line);
            }
            closeField();
            if (statementId != null || header != null) {
                throw new StatementFormatException("line " + lines.lineNumber(), "the file ends inside statement "
                        + statementId + " before its closing balance :62F: (truncated?)");
            }
            if (statements == 0) {
                throw new StatementFormatException("line " + lines.lineNumber(),
                        "no MT940 statement found (expected :20:, :25:, :60F:, :61:, :62F: fields)");
            }
        }

        private void accept(String raw) {
            String line = raw;
            if (line.startsWith("{")) {
                int text = line.indexOf("{4:");
                if (headerDialect == null) {
                    headerDialect = Mt940Dialect.fromHeaderLine(line.replace("{1:F01", ""));
                }
                closeField();
                if (text < 0) {
                    return;
                }
                line = line.substring(text + 3);
            }
            Matcher tag = TAG.matcher(line);
            if (tag.matches()) {
                closeField();
                field = new Field(tag.group(1), tag.group(2), lines.lineNumber());
                return;
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.equals("-") || stripped.equals("-}") || stripped.startsWith("-}")) {
                closeField();
                return;
            }
            if (field != null && field.takesContinuation()) {
                field.add(line);
                return;
            }
            closeField();
            if (statementId == null && headerDialect == null) {
                headerDialect = Mt940Dialect.fromHeaderLine(stripped);
            }
        }

        private void closeField() {
            Field done = field;
            field = null;
            if (done != null) {
                try {
                    process(done);
                } catch (IllegalArgumentException e) {
                    throw new StatementFormatException("line " + done.line, e.getMessage(), e);
                }
            }
        }

        private void process(Field f) {
            String location = "line " + f.line;
            switch (f.tag) {
                case "20" -> {
                    if (header != null || statementId != null) {
                        throw new StatementFormatException(location, "statement " + statementId
                                + " has no closing balance :62F: before the next statement starts");
                    }
                    statementId = f.first.strip();
                    sequence = null;
                    account = null;
                }
                case "25" -> account = f.first.strip();
                case "28", "28C" -> sequence = f.first.strip();
                case "60F", "60M" -> start(Mt940Values.balance(f.first, f.tag, location), location);
                case "61" -> {
                    flushEntry();
                    requireStarted(location, ":61:");
                    pending61 = f;
                }
                case "86" -> {
                    if (pending61 != null && pending86 == null) {
                        pending86 = f.joined.toString();
                    }
                }
                case "62F", "62M" -> {
                    flushEntry();
                    requireStarted(location, ":62F:");
                    emitter.end(Mt940Values.balance(f.first, f.tag, location), location);
                    header = null;
                    statementId = null;
                    statements++;
                }
                default -> {
                    // :21:, :13D:, :64:, :65:, :90C:, ... carry nothing the model needs
                }
            }
        }

        private void start(Balance opening, String location) {
            if (statementId == null) {
                throw new StatementFormatException(location, "opening balance :60F: without a preceding :20:");
            }
            if (header != null) {
                throw new StatementFormatException(location, "second opening balance in statement " + statementId);
            }
            String accountText = account == null ? "" : account;
            AccountAndCurrency parsed = AccountAndCurrency.of(accountText);
            Currency currency = opening.amount().currency();
            dialect = headerDialect != null ? headerDialect : Mt940Dialect.fromAccount(parsed.account());
            String id = sequence == null ? statementId : statementId + "/" + sequence;
            header = new StatementHeader(StatementFormat.MT940, dialect.label(), id, parsed.account(),
                    parsed.iban(), currency, opening);
            emitter.start(header);
        }

        private void requireStarted(String location, String what) {
            if (header == null) {
                throw new StatementFormatException(location, what + " before the opening balance :60F:");
            }
        }

        private void flushEntry() {
            Field line61 = pending61;
            if (line61 == null) {
                return;
            }
            String info = pending86 == null ? "" : pending86;
            pending61 = null;
            pending86 = null;
            StatementHeader current = header;
            String location = "line " + line61.line;
            Mt940Line61 parsed = Mt940Line61.parse(line61.first, line61.continuation, current.currency(), location);
            Information86.Result result = Information86.interpret(dialect, info, parsed.supplementaryAccount());
            String reference = parsed.bankReference() != null ? parsed.bankReference()
                    : keys.next("mt940:", current.account(), parsed.bookingDate(), parsed.valueDate(),
                            parsed.creditDebit(), parsed.amount().toPlainString(), parsed.customerReference(), info);
            String code = parsed.transactionCode() == null ? parsed.typeCode()
                    : parsed.typeCode() + "/" + parsed.transactionCode();
            TransactionDetails details = result.details();
            List<TransactionDetails> transactions = isEmpty(details) ? List.of() : List.of(details);
            emitter.entry(new StatementEntry(line61.line, reference, parsed.bookingDate(), parsed.valueDate(),
                    parsed.amount(), parsed.creditDebit(), parsed.reversal(), EntryStatus.BOOKED, code,
                    result.batch(), result.batchSize(), result.transactionType(), transactions), location);
        }

        private static boolean isEmpty(TransactionDetails d) {
            return d.endToEndId() == null && d.mandateId() == null && d.counterpartyName() == null
                    && d.counterpartyAccount() == null && d.remittanceText() == null
                    && d.structuredReference() == null && d.returnReasonCode() == null && d.creditorId() == null;
        }
    }

    /** {@code :25:} forms: {@code NL69INGB0123456789EUR}, {@code NL50RABO0123456789 EUR}, {@code 123456789}, {@code BIC/account}. */
    record AccountAndCurrency(String account, @Nullable Iban iban) {

        static AccountAndCurrency of(String text) {
            String value = text.strip();
            int slash = value.lastIndexOf('/');
            if (slash >= 0 && slash < value.length() - 1) {
                value = value.substring(slash + 1);
            }
            value = value.replace(" ", "");
            if (value.length() > 3 && value.substring(value.length() - 3).matches("[A-Z]{3}")
                    && Iban.isValid(value.substring(0, value.length() - 3))) {
                value = value.substring(0, value.length() - 3);
            }
            Iban iban = Iban.isValid(value) ? Iban.parse(value) : null;
            return new AccountAndCurrency(iban != null ? iban.value() : value, iban);
        }
    }
}
