package io.creditflow.receivables;

import io.creditflow.privacy.RetentionCategory;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR;
import static io.creditflow.jooq.Tables.INVOICE;

/**
 * Retention of receivables: debtors who owe nothing and were inactive for the period are erased as a whole (through
 * every module, with a certificate); invoices of erased debtors go when their fiscal retention ends. Debtors under a
 * legal hold or already erased are left alone (the privacy tables are joined as DEVELOPERS.md describes).
 */
@Configuration(proxyBeanMethods = false)
class ReceivablesRetention {

    /** Erasures per run and tenant: each erasure touches every module; the rest waits for tomorrow's run. */
    static final int BATCH = 500;

    @Bean
    RetentionCategory inactiveDebtors(DSLContext dsl) {
        return new RetentionCategory() {
            @Override
            public String category() {
                return "receivables.inactive-debtors";
            }

            @Override
            public String description() {
                return "Debtors without open invoices, counted from their last activity (registration, update, "
                        + "invoice or settlement): erased with a certificate";
            }

            @Override
            public int defaultDays() {
                return 2 * 365;
            }

            @Override
            public String ground() {
                return "No longer needed for collection once everything is paid; two years leaves room for questions, "
                        + "chargebacks and reversed payments";
            }

            @Override
            public long due(OffsetDateTime cutoff) {
                return dsl.fetchCount(DEBTOR, inactiveSince(cutoff));
            }

            @Override
            public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
                List<UUID> ids = dsl.select(DEBTOR.ID).from(DEBTOR).where(inactiveSince(cutoff))
                        .orderBy(DEBTOR.UPDATED_AT).limit(BATCH).fetch(DEBTOR.ID);
                ids.forEach(eraser::erase);
                return ids.size();
            }
        };
    }

    @Bean
    RetentionCategory fiscalRecords(DSLContext dsl) {
        return new RetentionCategory() {
            @Override
            public String category() {
                return "receivables.fiscal-records";
            }

            @Override
            public String description() {
                return "Invoices, lines and ledgers of erased debtors, counted from the end of the year of issue";
            }

            @Override
            public int defaultDays() {
                return 7 * 365 + 2;
            }

            @Override
            public String ground() {
                return InvoicePersonalData.FISCAL_GROUND;
            }

            @Override
            public long due(OffsetDateTime cutoff) {
                return dsl.fetchCount(INVOICE, expired(cutoff));
            }

            @Override
            public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
                UUID[] ids = dsl.select(INVOICE.ID).from(INVOICE).where(expired(cutoff)).limit(10_000)
                        .fetchArray(INVOICE.ID);
                return ids.length == 0 ? 0 : dsl.resultQuery("select privacy_purge_erased_invoices({0})",
                        (Object) ids).fetchSingle().get(0, Long.class);
            }
        };
    }

    private static Condition inactiveSince(OffsetDateTime cutoff) {
        var lastInvoice = DSL.select(DSL.max(DSL.greatest(INVOICE.CREATED_AT, DSL.coalesce(INVOICE.SETTLED_AT,
                INVOICE.CREATED_AT)))).from(INVOICE).where(INVOICE.DEBTOR_ID.eq(DEBTOR.ID));
        return DEBTOR.UPDATED_AT.lt(cutoff)
                .and(DSL.notExists(DSL.selectOne().from(INVOICE).where(INVOICE.DEBTOR_ID.eq(DEBTOR.ID))
                        .and(INVOICE.STATUS.in("OPEN", "PARTIALLY_PAID", "DISPUTED", "IN_COLLECTION"))))
                .and(DSL.coalesce(DSL.field(lastInvoice), DEBTOR.CREATED_AT).lt(cutoff))
                .and(DSL.condition("not exists (select 1 from privacy_erasure e where e.tenant_id = debtor.tenant_id "
                        + "and e.debtor_id = debtor.id)"))
                .and(DSL.condition("not exists (select 1 from privacy_legal_hold h where h.tenant_id = "
                        + "debtor.tenant_id and h.debtor_id = debtor.id and h.released_at is null)"));
    }

    /** Issued in a year that ended before {@code cutoff}, to a debtor whose erasure completed. */
    private static Condition expired(OffsetDateTime cutoff) {
        return DSL.condition("make_date(extract(year from invoice.issue_date)::int, 12, 31) < {0}::date",
                        cutoff.toLocalDate())
                .and(DSL.condition("exists (select 1 from privacy_erasure e where e.tenant_id = invoice.tenant_id "
                        + "and e.debtor_id = invoice.debtor_id and e.status = 'COMPLETED')"));
    }
}
