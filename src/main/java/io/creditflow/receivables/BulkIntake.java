package io.creditflow.receivables;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.database.CopyIn;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR;
import static io.creditflow.jooq.Tables.INVOICE;

/**
 * Writes many validated debtors and invoices at once, set-based: rows go into session staging tables by COPY, then one
 * INSERT ... SELECT per table moves them in (row-level security checks every row). Upsert by external id (debtors) and
 * invoice number (invoices): a row equal to what is stored changes nothing, so importing the same file twice is a
 * no-op. Runs inside the caller's tenant transaction, which decides what is all-or-nothing.
 */
@Component
public class BulkIntake {

    /** The tables a bulk write fills (for {@code platform.PlannerStatistics}). */
    public static final List<String> TABLES = List.of("debtor", "debtor_lookup", "invoice", "ledger_entry");

    private final DSLContext dsl;
    private final CopyIn copyIn;
    private final DebtorProfileCodec codec;
    private final PersonalDataVault vault;
    private final PaymentReferences references;

    BulkIntake(DSLContext dsl, CopyIn copyIn, DebtorProfileCodec codec, PersonalDataVault vault,
               PaymentReferences references) {
        this.dsl = dsl;
        this.copyIn = copyIn;
        this.codec = codec;
        this.vault = vault;
        this.references = references;
    }

    public record DebtorRow(String externalId, DebtorType type, String language, String preferredChannel,
                            @Nullable String country, List<String> tags, DebtorProfile profile) {
    }

    public record InvoiceRow(String debtorExternalId, String number, @Nullable String externalId, InvoiceKind kind,
                             LocalDate issueDate, LocalDate dueDate, String currency, BigDecimal amount,
                             @Nullable BigDecimal vatAmount, @Nullable String paymentReference) {
    }

    /** A historical payment (demo data, opening balances): at most one per invoice per call. */
    public record PaymentRow(String invoiceNumber, LocalDate valueDate, BigDecimal amount, String reference) {
    }

    public record Result(int debtorsCreated, int debtorsUpdated, int invoicesCreated, int invoicesUpdated,
                         int debtorsUnchanged, int invoicesUnchanged) {
        public Result plus(Result o) {
            return new Result(debtorsCreated + o.debtorsCreated, debtorsUpdated + o.debtorsUpdated,
                    invoicesCreated + o.invoicesCreated, invoicesUpdated + o.invoicesUpdated,
                    debtorsUnchanged + o.debtorsUnchanged, invoicesUnchanged + o.invoicesUnchanged);
        }

        /** Rows that matched what was stored and changed nothing. */
        public int unchanged() {
            return debtorsUnchanged + invoicesUnchanged;
        }

        public static final Result NONE = new Result(0, 0, 0, 0, 0, 0);
    }

    public Result write(List<DebtorRow> debtors, List<InvoiceRow> invoices, String source) {
        int[] d = writeDebtors(debtors);
        int[] i = writeInvoices(invoices, source);
        return new Result(d[0], d[1], i[0], i[1], d[2], i[2]);
    }

    private int[] writeDebtors(List<DebtorRow> rows) {
        if (rows.isEmpty()) {
            return new int[3];
        }
        Map<String, DebtorRow> byExternalId = new LinkedHashMap<>();
        rows.forEach(r -> byExternalId.put(r.externalId(), r));
        Map<String, Existing> existing = new HashMap<>();
        planned(() -> dsl.select(DEBTOR.EXTERNAL_ID, DEBTOR.ID, DEBTOR.PROFILE_DIGEST, DEBTOR.TYPE, DEBTOR.LANGUAGE,
                        DEBTOR.PREFERRED_CHANNEL, DEBTOR.TAGS).from(DEBTOR)
                .where(DEBTOR.EXTERNAL_ID.in(byExternalId.keySet())).fetch())
                .forEach(r -> existing.put(r.value1(), new Existing(r.value2(), r.value3(),
                        r.value4() + "|" + r.value5() + "|" + r.value6() + "|" + String.join(",", r.value7()))));
        List<UUID> ids = new ArrayList<>();
        Map<String, UUID> idOf = new HashMap<>();
        for (DebtorRow r : byExternalId.values()) {
            Existing e = existing.get(r.externalId());
            UUID id = e == null ? Ids.newId() : e.id();
            idOf.put(r.externalId(), id);
            ids.add(id);
        }
        vault.prepareSubjects(ids);
        CopyIn.Rows debtorCsv = new CopyIn.Rows();
        CopyIn.Rows lookupCsv = new CopyIn.Rows();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (DebtorRow r : byExternalId.values()) {
            Existing e = existing.get(r.externalId());
            UUID id = idOf.get(r.externalId());
            String plainFields = r.type() + "|" + r.language() + "|" + r.preferredChannel() + "|" + String.join(",", r.tags());
            if (e != null && e.plainFields().equals(plainFields)
                    && Arrays.equals(e.digest(), codec.digest(r.profile()))) {
                unchanged++;
                continue;
            }
            DebtorProfileCodec.Sealed sealed = codec.seal(id, r.profile());
            debtorCsv.uuid(id).text(r.externalId()).text(r.type().name()).text(r.language()).text(r.preferredChannel())
                    .text(r.country()).textArray(r.tags()).bytes(sealed.ciphertext()).bytes(sealed.digest())
                    .bool(e == null).end();
            for (DebtorProfileCodec.Lookup l : sealed.lookups()) {
                lookupCsv.uuid(id).text(l.kind().name()).bytes(l.digest()).end();
            }
            if (e == null) {
                created++;
            } else {
                updated++;
            }
        }
        if (debtorCsv.isEmpty()) {
            return new int[] {0, 0, unchanged};
        }
        String cols = "id, external_id, type, language, preferred_channel, country, tags, profile, profile_digest, is_new";
        copyIn.prepare("stage_debtor", "id uuid, external_id text, type text, language text, preferred_channel text, "
                + "country text, tags text[], profile bytea, profile_digest bytea, is_new boolean");
        copyIn.copy("stage_debtor", cols, debtorCsv.csv());
        dsl.execute("""
                insert into debtor (tenant_id, id, external_id, type, language, preferred_channel, country, tags,
                                    profile, profile_digest)
                select current_tenant(), id, external_id, type, language, preferred_channel, country, tags, profile,
                       profile_digest
                  from stage_debtor where is_new""");
        if (updated > 0) {
            // only when needed: the staging table has no statistics, and a join the planner misjudges would scan
            // every debtor of the tenant once per batch
            dsl.execute("analyze stage_debtor");
            dsl.execute("""
                    update debtor d set type = s.type, language = s.language, preferred_channel = s.preferred_channel,
                           country = s.country, tags = s.tags, profile = s.profile, profile_digest = s.profile_digest,
                           updated_at = now(), version = d.version + 1
                      from stage_debtor s where not s.is_new and d.tenant_id = current_tenant() and d.id = s.id""");
            dsl.execute("""
                    delete from debtor_lookup l using stage_debtor s
                     where not s.is_new and l.tenant_id = current_tenant() and l.debtor_id = s.id""");
        }
        if (!lookupCsv.isEmpty()) {
            copyIn.prepare("stage_lookup", "debtor_id uuid, kind text, digest bytea");
            copyIn.copy("stage_lookup", "debtor_id, kind, digest", lookupCsv.csv());
            // no row of these debtors is left in debtor_lookup (new debtors; changed ones lost theirs above), so the
            // only duplicates are within one debtor's details (a name word twice): distinct, instead of ON CONFLICT,
            // whose speculative insertion cost a third more per row (1.35 million rows in a 1,000,000-invoice import)
            dsl.execute("""
                    insert into debtor_lookup (tenant_id, kind, digest, debtor_id)
                    select distinct current_tenant(), kind, digest, debtor_id from stage_lookup""");
        }
        return new int[] {created, updated, unchanged};
    }

    private int[] writeInvoices(List<InvoiceRow> rows, String source) {
        if (rows.isEmpty()) {
            return new int[3];
        }
        Map<String, InvoiceRow> byNumber = new LinkedHashMap<>();
        for (InvoiceRow r : rows) {
            if (byNumber.put(r.number(), r) != null) {
                throw new BusinessRuleException("duplicate-invoice-number", "Invoice number " + r.number()
                        + " occurs twice in one batch.");
            }
        }
        Map<String, UUID> debtorIds = new HashMap<>();
        planned(() -> dsl.select(DEBTOR.EXTERNAL_ID, DEBTOR.ID).from(DEBTOR)
                .where(DEBTOR.EXTERNAL_ID.in(rows.stream().map(InvoiceRow::debtorExternalId).distinct().toList()))
                .fetch()).forEach(r -> debtorIds.put(r.value1(), r.value2()));
        Map<String, byte[]> existing = new HashMap<>();
        planned(() -> dsl.select(INVOICE.NUMBER, INVOICE.CONTENT_DIGEST).from(INVOICE)
                .where(INVOICE.NUMBER.in(byNumber.keySet())).fetch())
                .forEach(r -> existing.put(r.value1(), r.value2() == null ? new byte[0] : r.value2()));
        List<InvoiceRow> fresh = new ArrayList<>();
        List<InvoiceRow> changed = new ArrayList<>();
        for (InvoiceRow r : byNumber.values()) {
            UUID debtorId = debtorIds.get(r.debtorExternalId());
            if (debtorId == null) {
                throw new BusinessRuleException("unknown-debtor", "Invoice " + r.number()
                        + " refers to unknown debtor " + r.debtorExternalId() + ".");
            }
            byte[] stored = existing.get(r.number());
            if (stored == null) {
                fresh.add(r);
            } else if (!Arrays.equals(stored, digest(r, debtorId))) {
                changed.add(r);
            }
        }
        int unchanged = byNumber.size() - fresh.size() - changed.size();
        if (!fresh.isEmpty()) {
            insertInvoices(fresh, debtorIds, source);
        }
        if (!changed.isEmpty()) {
            updateInvoices(changed, debtorIds);
        }
        return new int[] {fresh.size(), changed.size(), unchanged};
    }

    private void insertInvoices(List<InvoiceRow> rows, Map<String, UUID> debtorIds, String source) {
        long missing = rows.stream().filter(r -> r.paymentReference() == null).count();
        Iterator<String> generated = references.allocate((int) missing).iterator();
        CopyIn.Rows csv = new CopyIn.Rows();
        for (InvoiceRow r : rows) {
            UUID debtorId = debtorIds.get(r.debtorExternalId());
            BigDecimal principal = r.kind() == InvoiceKind.CREDIT_NOTE ? r.amount().negate() : r.amount();
            csv.uuid(Ids.newId()).uuid(debtorId).text(r.externalId()).text(r.number()).text(r.kind().name())
                    .date(r.issueDate()).date(r.dueDate()).text(r.currency()).number(r.amount())
                    .number(r.vatAmount()).text(r.paymentReference() == null ? generated.next() : r.paymentReference())
                    .number(principal).bytes(digest(r, debtorId)).end();
        }
        String cols = "id, debtor_id, external_id, number, kind, issue_date, due_date, currency, amount, vat_amount, "
                + "payment_reference, open_principal, content_digest";
        copyIn.prepare("stage_invoice", "id uuid, debtor_id uuid, external_id text, number text, kind text, "
                + "issue_date date, due_date date, currency text, amount numeric(15,2), vat_amount numeric(15,2), "
                + "payment_reference text, open_principal numeric(15,2), content_digest bytea");
        copyIn.copy("stage_invoice", cols, csv.csv());
        dsl.execute("""
                insert into invoice (tenant_id, id, debtor_id, external_id, number, kind, issue_date, due_date,
                                     currency, amount, vat_amount, payment_reference, status, open_principal,
                                     ledger_seq, source, content_digest)
                select current_tenant(), id, debtor_id, external_id, number, kind, issue_date, due_date, currency,
                       amount, vat_amount, payment_reference, 'OPEN', open_principal, 1, {0}, content_digest
                  from stage_invoice""", source);
        dsl.execute("""
                insert into ledger_entry (tenant_id, invoice_id, seq, kind, principal, value_date, reference)
                select current_tenant(), id, 1, 'ISSUED', open_principal, issue_date, number from stage_invoice""");
    }

    /**
     * A re-imported invoice whose data changed: dates, reference and amounts follow the file; a different amount is
     * booked as an ADJUSTMENT of the principal so the ledger still explains every cent. Rare, so row by row.
     */
    private void updateInvoices(List<InvoiceRow> rows, Map<String, UUID> debtorIds) {
        for (InvoiceRow r : rows) {
            var current = dsl.selectFrom(INVOICE).where(INVOICE.NUMBER.eq(r.number())).forUpdate().fetchSingle();
            BigDecimal delta = r.amount().subtract(current.getAmount());
            if (r.kind() == InvoiceKind.CREDIT_NOTE) {
                delta = delta.negate();
            }
            dsl.update(INVOICE).set(INVOICE.DEBTOR_ID, debtorIds.get(r.debtorExternalId()))
                    .set(INVOICE.ISSUE_DATE, r.issueDate()).set(INVOICE.DUE_DATE, r.dueDate())
                    .set(INVOICE.AMOUNT, r.amount()).set(INVOICE.VAT_AMOUNT, r.vatAmount())
                    .set(INVOICE.PAYMENT_REFERENCE, r.paymentReference() == null ? current.getPaymentReference()
                            : r.paymentReference())
                    .set(INVOICE.CONTENT_DIGEST, digest(r, debtorIds.get(r.debtorExternalId())))
                    .set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                    .where(INVOICE.ID.eq(current.getId())).execute();
            if (delta.signum() != 0) {
                dsl.execute("""
                        with upd as (
                          update invoice set open_principal = open_principal + {0}, ledger_seq = ledger_seq + 1
                           where tenant_id = current_tenant() and id = {1} returning ledger_seq)
                        insert into ledger_entry (tenant_id, invoice_id, seq, kind, principal, value_date, note)
                        select current_tenant(), {1}, ledger_seq, 'ADJUSTMENT', {0}, current_date,
                               'amount changed by re-import' from upd""", delta, current.getId());
            }
        }
    }

    /** Books historical payments set-based (demo data, opening balances of a migration). */
    public int writePayments(List<PaymentRow> payments) {
        if (payments.isEmpty()) {
            return 0;
        }
        CopyIn.Rows csv = new CopyIn.Rows();
        payments.forEach(p -> csv.text(p.invoiceNumber()).date(p.valueDate()).number(p.amount()).text(p.reference())
                .end());
        copyIn.prepare("stage_payment", "number text primary key, value_date date, amount numeric(15,2), reference text");
        copyIn.copy("stage_payment", "number, value_date, amount, reference", csv.csv());
        return dsl.execute("""
                with upd as (
                  update invoice i
                     set open_principal = i.open_principal - s.amount, ledger_seq = i.ledger_seq + 1,
                         status = case when i.open_principal - s.amount + i.open_costs + i.open_interest = 0 then 'PAID'
                                       when i.status in ('DISPUTED', 'IN_COLLECTION') then i.status
                                       else 'PARTIALLY_PAID' end,
                         settled_at = case when i.open_principal - s.amount + i.open_costs + i.open_interest = 0
                                           then s.value_date::timestamptz end
                    from stage_payment s
                   where i.tenant_id = current_tenant() and i.number = s.number
                  returning i.id, i.ledger_seq, s.amount, s.value_date, s.reference)
                insert into ledger_entry (tenant_id, invoice_id, seq, kind, principal, value_date, reference)
                select current_tenant(), id, ledger_seq, 'PAYMENT', -amount, value_date, reference from upd""");
    }

    private record Existing(UUID id, byte[] digest, String plainFields) {
    }

    /**
     * Runs a batch's lookup (by invoice number, by external id) with a plan made for its values. As a prepared
     * statement it would switch to a generic plan after five runs, costed with the statistics from before the bulk
     * write, when the table was small, and then scan the growing table once per batch: measured as half of the
     * database time of a 1,000,000-row import. Only these lookups: forcing custom plans for the whole transaction
     * also re-plans the foreign-key checks for every inserted row, which measured worse still.
     */
    private <T> T planned(java.util.function.Supplier<T> lookup) {
        return io.creditflow.platform.CustomPlans.around(dsl, lookup);
    }

    private static byte[] digest(InvoiceRow r, UUID debtorId) {
        String canonical = String.join("|", debtorId.toString(), r.number(), String.valueOf(r.externalId()),
                r.kind().name(), r.issueDate().toString(), r.dueDate().toString(), r.currency(),
                r.amount().toPlainString(), r.vatAmount() == null ? "" : r.vatAmount().toPlainString(),
                r.paymentReference() == null ? "" : r.paymentReference());
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
