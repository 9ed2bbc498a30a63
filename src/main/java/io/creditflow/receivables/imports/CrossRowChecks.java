package io.creditflow.receivables.imports;

import io.creditflow.platform.database.CopyIn;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The checks that need the whole file: run in SQL over the keys of every row, copied into a session table
 * ({@code import_key}, emptied at commit), so they cost no memory in the application however large the file. Each
 * check marks the rows it rejects invalid before the next runs, so a rejected debtor row also rejects the invoices
 * that depend on it.
 */
@Component
class CrossRowChecks {

    private final DSLContext dsl;
    private final CopyIn copyIn;

    CrossRowChecks(DSLContext dsl, CopyIn copyIn) {
        this.dsl = dsl;
        this.copyIn = copyIn;
    }

    void prepare() {
        copyIn.prepare("import_key", "line bigint primary key, number text, debtor text, digest bytea, "
                + "amount numeric(15,2), kind text, valid boolean not null");
    }

    Keys keys() {
        return new Keys();
    }

    /** Buffers rows' keys and copies them in ten thousand at a time. */
    final class Keys {
        private CopyIn.Rows rows = new CopyIn.Rows();
        private int pending;

        void add(ParsedRow row) {
            var invoice = row.invoice();
            rows.number(java.math.BigDecimal.valueOf(row.line())).text(invoice == null ? null : invoice.number())
                    .text(row.debtorExternalId().isEmpty() ? null : row.debtorExternalId()).bytes(row.debtorDigest())
                    .number(invoice == null ? null : invoice.amount())
                    .text(invoice == null ? null : invoice.kind().name()).bool(row.valid()).end();
            if (++pending >= 10_000) {
                flush();
            }
        }

        void flush() {
            if (pending > 0) {
                copyIn.copy("import_key", "line, number, debtor, digest, amount, kind, valid", rows.csv());
                rows = new CopyIn.Rows();
                pending = 0;
            }
        }
    }

    /** Runs every check; returns the errors found (the rows concerned are marked invalid). */
    List<RowError> run(ImportProfile profile) {
        ImportKind kind = profile.kind();
        dsl.execute("analyze import_key");
        List<RowError> errors = new ArrayList<>();
        if (kind == ImportKind.INVOICES) {
            reject(errors, profile.columnOf(ImportField.INVOICE_NUMBER), dsl.resultQuery("""
                    select k.line, 'invoice number ' || k.number || case when k.line = f.first_line
                             then ' occurs again on line ' || f.second_line else ' is also on line ' || f.first_line end
                      from import_key k
                      join (select number, min(line) as first_line, (array_agg(line order by line))[2] as second_line
                              from import_key where number is not null group by number having count(*) > 1) f
                        using (number)""").fetch());
        }
        reject(errors, profile.columnOf(ImportField.DEBTOR_EXTERNAL_ID), dsl.resultQuery("""
                select k.line, 'debtor ' || k.debtor || ' has other details than on line ' || f.line
                       || ': every row must describe a debtor the same way'
                  from import_key k
                  join (select distinct on (debtor) debtor, line, digest from import_key
                         where digest is not null order by debtor, line) f using (debtor)
                 where k.digest is not null and k.digest <> f.digest""").fetch());
        if (kind == ImportKind.INVOICES) {
            reject(errors, profile.columnOf(ImportField.DEBTOR_EXTERNAL_ID), dsl.resultQuery("""
                    select k.line, 'debtor ' || k.debtor || ' is unknown: it is not registered and no valid row of '
                           || 'this file describes it (with at least its name)'
                      from import_key k
                     where k.valid and k.digest is null
                       and not exists (select 1 from import_key d where d.debtor = k.debtor and d.digest is not null
                                                                     and d.valid)
                       and not exists (select 1 from debtor x where x.tenant_id = current_tenant()
                                                                and x.external_id = k.debtor)""").fetch());
            reject(errors, profile.columnOf(ImportField.AMOUNT), dsl.resultQuery("""
                    select k.line, case when i.kind <> k.kind then 'invoice ' || k.number || ' is registered as '
                             || lower(i.kind) || ', not as ' || lower(k.kind)
                           else 'amount ' || k.amount || ' is less than the ' || (i.amount - abs(i.open_principal))
                             || ' already paid or credited on invoice ' || k.number end
                      from import_key k
                      join invoice i on i.tenant_id = current_tenant() and i.number = k.number
                     where k.valid and (i.kind <> k.kind or k.amount < i.amount - abs(i.open_principal))""").fetch());
        }
        return errors;
    }

    private void reject(List<RowError> errors, String column, org.jooq.Result<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> lines = new ArrayList<>(rows.size());
        for (var r : rows) {
            long line = r.get(0, Long.class);
            lines.add(line);
            errors.add(new RowError(line, column, r.get(1, String.class)));
        }
        for (int from = 0; from < lines.size(); from += 10_000) {
            dsl.execute("update import_key set valid = false where line = any({0})",
                    (Object) lines.subList(from, Math.min(lines.size(), from + 10_000)).toArray(Long[]::new));
        }
    }

    BitSet invalidLines() {
        BitSet invalid = new BitSet();
        try (var cursor = dsl.resultQuery("select line from import_key where not valid").fetchSize(10_000)
                .fetchLazy()) {
            cursor.forEach(r -> invalid.set((int) (long) r.get(0, Long.class)));
        }
        return invalid;
    }

    /** Whether an invoice row refers to a debtor that only a later row describes. */
    boolean hasForwardReferences() {
        return Boolean.TRUE.equals(dsl.fetchValue("""
                select exists (select 1 from import_key k
                 where k.valid and k.digest is null
                   and not exists (select 1 from import_key d where d.debtor = k.debtor and d.digest is not null
                                                                 and d.valid and d.line < k.line)
                   and exists (select 1 from import_key d where d.debtor = k.debtor and d.digest is not null
                                                             and d.valid))"""));
    }
}
