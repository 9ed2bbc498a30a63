package io.creditflow.payments.reconciliation;

import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.matching.MatchOutcome;
import io.creditflow.payments.matching.Matcher;
import io.creditflow.payments.matching.OpenAmounts;
import io.creditflow.payments.matching.PaymentItem;
import io.creditflow.payments.matching.Reason;
import io.creditflow.payments.statement.StatementEntry;
import io.creditflow.payments.statement.StatementHandler;
import io.creditflow.payments.statement.StatementHeader;
import io.creditflow.payments.statement.StatementTotals;
import io.creditflow.payments.statement.TransactionDetails;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One file being imported: receives entries from the parser, and every {@link #CHUNK} lines claims them, matches the
 * new payments in one go, applies what is certain enough and writes every decision back. Runs inside the import's
 * transaction; a parser error (a file that does not balance, a hostile file) ends it, and the rollback takes
 * everything with it.
 */
final class ImportRun implements StatementHandler {

    static final int CHUNK = 1000;

    private final UUID importId;
    private final ImportSteps steps;
    private final PaymentSettings settings;
    private final Matcher matcher;
    private final Consumer<ImportCounts> progress;
    private final OpenAmounts open = new OpenAmounts();
    private final ImportCounts counts = new ImportCounts();
    private final Map<String, Integer> fallbackKeys = new HashMap<>();
    private List<StatementLine> buffer = new ArrayList<>(CHUNK);
    private StatementHeader first;
    private int seq = 1;

    ImportRun(UUID importId, ImportSteps steps, PaymentSettings settings, Consumer<ImportCounts> progress) {
        this.importId = importId;
        this.steps = steps;
        this.settings = settings;
        this.progress = progress;
        this.matcher = new Matcher(steps.candidates(), new Matcher.Settings(settings.autoApplyThreshold(),
                settings.writeOffTolerance()));
    }

    ImportCounts counts() {
        return counts;
    }

    StatementHeader firstHeader() {
        return first;
    }

    @Override
    public void statementStarted(StatementHeader header) {
        if (first == null) {
            first = header;
        }
    }

    @Override
    public void entry(StatementHeader statement, StatementEntry entry) {
        buffer.addAll(StatementLine.of(statement, entry, fallbackReference(statement, entry)));
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    @Override
    public void statementEnded(StatementHeader statement, StatementTotals totals) {
        flush();
        counts.statements++;
        steps.statement(importId, counts.statements, statement, totals);
    }

    void finish() {
        flush();
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<StatementLine> lines = buffer;
        buffer = new ArrayList<>(CHUNK);
        Set<UUID> claimed = steps.store().claim(importId, seq, lines);
        seq += lines.size();
        counts.entries += lines.size();
        counts.duplicates += lines.size() - claimed.size();
        List<StatementLine> fresh = lines.stream().filter(l -> claimed.contains(l.id())).toList();
        List<StatementLine> payments = fresh.stream().filter(l -> l.kind() == StatementLine.Kind.PAYMENT
                && !l.batchWithoutDetails()).toList();
        List<MatchOutcome> outcomes = matcher.match(payments.stream().map(ImportRun::item).toList(), open);
        Map<UUID, MatchOutcome> byLine = new HashMap<>();
        for (int i = 0; i < payments.size(); i++) {
            byLine.put(payments.get(i).id(), outcomes.get(i));
        }
        List<EntryStore.Decision> decisions = new ArrayList<>(fresh.size());
        for (StatementLine line : fresh) {
            EntryStore.Decision decision = decide(line, byLine.get(line.id()));
            counts.count(decision.state());
            decisions.add(decision);
        }
        steps.store().decide(decisions);
        progress.accept(counts);
    }

    private EntryStore.Decision decide(StatementLine line, MatchOutcome outcome) {
        return switch (line.kind()) {
            case PAYMENT -> line.batchWithoutDetails()
                    ? ignore(line, "UNMATCHED", Reason.of("batchWithoutDetails", line.entry().transactions().size()))
                    : steps.applyOrQueue(line, outcome, settings);
            case RETURN -> steps.returns().handle(line);
            case REFUND_RETURNED -> ignore(line, "IGNORED", Reason.of("refundReturned",
                    line.details() == null ? "" : String.valueOf(line.details().returnReasonCode())));
            case OUTGOING -> ignore(line, "IGNORED", Reason.of("outgoing"));
            case NOT_BOOKED -> ignore(line, "IGNORED", Reason.of("notBooked", line.entry().status().name()));
        };
    }

    private static EntryStore.Decision ignore(StatementLine line, String state, Reason reason) {
        return new EntryStore.Decision(line.id(), state, null, null, List.of(reason), List.of());
    }

    static PaymentItem item(StatementLine line) {
        TransactionDetails tx = line.details();
        String remittance = tx == null ? null : tx.remittanceText();
        if (remittance == null) {
            remittance = line.entry().additionalInfo();
        }
        return new PaymentItem(line.amount(), line.entry().bookingDate(), tx == null ? null : tx.endToEndId(),
                tx == null || tx.structuredReference() == null ? null : tx.structuredReference().value(), remittance,
                tx == null ? null : tx.counterpartyName(),
                tx == null || tx.counterpartyIban() == null ? null : tx.counterpartyIban().value());
    }

    /**
     * An entry without a bank reference (rare in camt.053) gets one from its content, and how often the same content
     * occurred in this file: re-reading the same file gives the same keys.
     */
    private String fallbackReference(StatementHeader header, StatementEntry entry) {
        if (entry.entryReference() != null) {
            return entry.entryReference();
        }
        TransactionDetails tx = entry.firstTransaction();
        String content = String.join("|", header.account(), entry.bookingDate().toString(),
                entry.signedAmount().toPlainString(), tx == null ? "" : String.valueOf(tx.endToEndId()),
                tx == null ? "" : String.valueOf(tx.remittanceText()), tx == null ? ""
                        : String.valueOf(tx.counterpartyAccount()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            String key = "H" + java.util.HexFormat.of().formatHex(hash, 0, 12);
            int occurrence = fallbackKeys.merge(key, 1, Integer::sum);
            return occurrence == 1 ? key : key + "-" + occurrence;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
