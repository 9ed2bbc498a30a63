package io.creditflow.payments.reconciliation;

import io.creditflow.payments.matching.Proposal;
import io.creditflow.payments.matching.Reason;
import io.creditflow.payments.statement.TransactionDetails;
import io.creditflow.platform.database.CopyIn;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes statement lines set-based: a chunk goes into a staging table by COPY, and one INSERT ... ON CONFLICT DO
 * NOTHING claims the lines whose bank reference is new. A line already known (an earlier import, or a concurrent import
 * of the same file that committed first) is stored as a DUPLICATE of the original and applies nothing: the unique
 * index on the bank reference is what makes importing a file twice harmless.
 */
@Component
class EntryStore {

    static final String DETAILS_PLACE = "payments/bank-entry";

    private final DSLContext dsl;
    private final CopyIn copyIn;
    private final PersonalDataVault vault;
    private final JsonMapper json;

    EntryStore(DSLContext dsl, CopyIn copyIn, PersonalDataVault vault, JsonMapper json) {
        this.dsl = dsl;
        this.copyIn = copyIn;
        this.vault = vault;
        this.json = json;
    }

    /** The outcome of reconciling one line, written back after matching. */
    record Decision(UUID entryId, String state, @Nullable UUID debtorId, @Nullable BigDecimal confidence,
                    List<Reason> reasons, List<Proposal> suggestions) {
    }

    /** Stores the chunk and returns the ids of the lines that are new (claimed by this import). */
    Set<UUID> claim(UUID importId, int firstSeq, List<StatementLine> lines) {
        CopyIn.Rows rows = new CopyIn.Rows();
        int seq = firstSeq;
        for (StatementLine line : lines) {
            row(rows, importId, seq++, line);
        }
        copyIn.prepare("stage_bank_entry", """
                id uuid, import_id uuid, seq int, account text, statement_ref text, entry_ref text, tx_index int,
                line_number bigint, booking_date date, value_date date, amount numeric(15,2), currency text,
                direction text, reversal boolean, booked boolean, bank_code text, batch boolean, kind text,
                end_to_end_id text, mandate_id text, return_reason text, structured_ref text, payer_iban_index bytea,
                details bytea""");
        copyIn.copy("stage_bank_entry", COLUMNS, rows.csv());
        Set<UUID> claimed = new HashSet<>(dsl.resultQuery("""
                insert into bank_entry (tenant_id, %s, state)
                select current_tenant(), %s, 'UNMATCHED' from stage_bank_entry order by seq
                on conflict (tenant_id, account, entry_ref, tx_index, booked) where state <> 'DUPLICATE' do nothing
                returning id""".formatted(COLUMNS, COLUMNS)).fetch(0, UUID.class));
        if (claimed.size() < lines.size()) {
            dsl.execute("""
                    insert into bank_entry (tenant_id, %s, state, duplicate_of)
                    select current_tenant(), %s, 'DUPLICATE', o.id
                      from stage_bank_entry s
                      join bank_entry o on o.tenant_id = current_tenant() and o.account = s.account
                       and o.entry_ref = s.entry_ref and o.tx_index = s.tx_index and o.booked = s.booked
                       and o.state <> 'DUPLICATE' and o.id <> s.id
                     where not exists (select 1 from bank_entry b where b.tenant_id = current_tenant() and b.id = s.id)
                    """.formatted(COLUMNS, prefixed("s.")));
        }
        return claimed;
    }

    private static final String COLUMNS = "id, import_id, seq, account, statement_ref, entry_ref, tx_index, "
            + "line_number, booking_date, value_date, amount, currency, direction, reversal, booked, bank_code, batch, "
            + "kind, end_to_end_id, mandate_id, return_reason, structured_ref, payer_iban_index, details";

    private static String prefixed(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }

    private void row(CopyIn.Rows rows, UUID importId, int seq, StatementLine line) {
        TransactionDetails tx = line.details();
        var entry = line.entry();
        rows.uuid(line.id()).uuid(importId).text(seq).text(line.account()).text(line.statementRef())
                .text(line.entryRef()).text(line.txIndex()).text(line.lineNumber()).date(entry.bookingDate())
                .date(entry.valueDate()).number(line.amount().amount()).text(line.amount().currency().getCurrencyCode())
                .text(entry.creditDebit().name()).bool(entry.reversal()).bool(line.booked())
                .text(entry.bankTransactionCode()).bool(entry.batch()).text(line.kind().name())
                .text(tx == null ? null : tx.endToEndId()).text(tx == null ? null : tx.mandateId())
                .text(tx == null ? null : tx.returnReasonCode())
                .text(tx == null || tx.structuredReference() == null ? null : tx.structuredReference().value())
                .bytes(tx == null || tx.counterpartyIban() == null ? null
                        : vault.blindIndex(BlindIndex.IBAN, tx.counterpartyIban().value()))
                .bytes(details(importId, line)).end();
    }

    /** The payer's name, account, BIC and remittance text: personal data, encrypted under the import's key. */
    private byte @Nullable [] details(UUID importId, StatementLine line) {
        TransactionDetails tx = line.details();
        Map<String, String> fields = new LinkedHashMap<>();
        if (tx != null) {
            put(fields, "name", tx.counterpartyName());
            put(fields, "account", tx.counterpartyAccount());
            put(fields, "bic", tx.counterpartyBic());
            put(fields, "remittance", tx.remittanceText());
        }
        put(fields, "info", line.entry().additionalInfo());
        return fields.isEmpty() ? null : vault.encrypt(importId, DETAILS_PLACE + "/" + line.id(),
                json.writeValueAsString(fields));
    }

    private static void put(Map<String, String> fields, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }

    /** Writes the decisions of a chunk back in two statements (entries, then suggestions). */
    void decide(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        CopyIn.Rows rows = new CopyIn.Rows();
        CopyIn.Rows suggestions = new CopyIn.Rows();
        for (Decision d : decisions) {
            rows.uuid(d.entryId()).text(d.state()).uuid(d.debtorId()).number(d.confidence())
                    .text(json.writeValueAsString(d.reasons())).end();
            for (int rank = 0; rank < d.suggestions().size(); rank++) {
                Proposal p = d.suggestions().get(rank);
                suggestions.uuid(d.entryId()).text(rank + 1).uuid(p.debtorId())
                        .text("{" + String.join(",", p.invoiceIds().stream().map(UUID::toString).toList()) + "}")
                        .number(confidence(p.confidence())).text(json.writeValueAsString(p.reasons())).end();
            }
        }
        copyIn.prepare("stage_decision", "id uuid, state text, debtor_id uuid, confidence numeric(4,3), reasons text");
        copyIn.copy("stage_decision", "id, state, debtor_id, confidence, reasons", rows.csv());
        dsl.execute("""
                update bank_entry e set state = s.state, debtor_id = s.debtor_id, confidence = s.confidence,
                       reasons = s.reasons, decided_at = case when s.state = 'APPLIED' then now() end
                  from stage_decision s where e.tenant_id = current_tenant() and e.id = s.id""");
        if (!suggestions.isEmpty()) {
            copyIn.prepare("stage_suggestion", "entry_id uuid, rank smallint, debtor_id uuid, invoice_ids uuid[], "
                    + "confidence numeric(4,3), reasons text");
            copyIn.copy("stage_suggestion", "entry_id, rank, debtor_id, invoice_ids, confidence, reasons",
                    suggestions.csv());
            dsl.execute("""
                    insert into bank_entry_suggestion (tenant_id, entry_id, rank, debtor_id, invoice_ids, confidence,
                                                       reasons)
                    select current_tenant(), entry_id, rank, debtor_id, invoice_ids, confidence, reasons
                      from stage_suggestion
                    on conflict (tenant_id, entry_id, rank) do update set debtor_id = excluded.debtor_id,
                       invoice_ids = excluded.invoice_ids, confidence = excluded.confidence,
                       reasons = excluded.reasons""");
        }
    }

    static BigDecimal confidence(double value) {
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.DOWN);
    }
}
