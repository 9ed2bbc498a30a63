package io.creditflow.scoring.history;

import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Collectability cases from the tenant's ledger (see {@link CollectabilitySql}): a training set whose outcome is "not
 * paid within N days", and the features of open invoices today for serving. Restricted debtors (GDPR art. 18) are
 * in neither.
 */
@Component
public class CollectabilityFeatures {

    /** Columns that identify a case rather than describe it. */
    private static final Set<String> KEYS = Set.of("invoice_id", "invoice_number", "debtor_id", "as_of", "open_money",
            CollectabilitySql.TARGET);

    private final DSLContext dsl;
    private final Clock clock;

    public CollectabilityFeatures(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * A training set and what it covers; {@code invoiceIds} and {@code asOf} say which invoice and date each row is.
     */
    public record TrainingSet(Dataset data, List<UUID> invoiceIds, List<LocalDate> asOf, LocalDate from,
                              LocalDate to, int horizonDays, int invoices) {

        /** The row of an invoice's case at a date, or -1. */
        public int row(UUID invoiceId, LocalDate date) {
            for (int r = 0; r < invoiceIds.size(); r++) {
                if (invoiceIds.get(r).equals(invoiceId) && asOf.get(r).equals(date)) {
                    return r;
                }
            }
            return -1;
        }
    }

    /** One open invoice as of a day, with its features by name (numbers, texts, or absent when unknown). */
    public record Case(UUID invoiceId, String invoiceNumber, UUID debtorId, LocalDate asOf, BigDecimal openAmount, int daysPastDue,
                       String debtorType, Map<String, Object> features) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Cases dated {@code from..to} whose horizon has passed by today (a case dated later has no known outcome yet, and
     * {@code to} is moved back to the last day that has one).
     */
    public TrainingSet trainingSet(LocalDate from, LocalDate to, int horizonDays) {
        LocalDate lastKnown = today().minusDays(horizonDays);
        LocalDate until = to.isAfter(lastKnown) ? lastKnown : to;
        CollectabilitySql q = CollectabilitySql.training(sources(), from, until, horizonDays, today());
        Result<Record> rows = dsl.fetch(q.sql(), q.binds());
        boolean[] bad = new boolean[rows.size()];
        for (int r = 0; r < bad.length; r++) {
            bad[r] = Boolean.TRUE.equals(rows.get(r).get(CollectabilitySql.TARGET, Boolean.class));
        }
        List<Column> columns = new ArrayList<>();
        for (Field<?> field : rows.fields()) {
            if (!KEYS.contains(field.getName())) {
                columns.add(column(field, rows));
            }
        }
        List<UUID> ids = rows.getValues("invoice_id", UUID.class);
        List<LocalDate> dates = rows.getValues("as_of", LocalDate.class);
        return new TrainingSet(new Dataset(columns, CollectabilitySql.TARGET, bad), ids, dates, from, until,
                horizonDays, (int) ids.stream().distinct().count());
    }

    /** The debtor of an invoice of the current tenant. */
    public java.util.Optional<UUID> debtorOf(UUID invoiceId) {
        return dsl.select(io.creditflow.jooq.Tables.INVOICE.DEBTOR_ID).from(io.creditflow.jooq.Tables.INVOICE)
                .where(io.creditflow.jooq.Tables.INVOICE.ID.eq(invoiceId))
                .fetchOptional(io.creditflow.jooq.Tables.INVOICE.DEBTOR_ID);
    }

    /** The given open invoices as of today (restricted debtors' invoices are left out). */
    public List<Case> openInvoices(Collection<UUID> invoiceIds) {
        return current(List.copyOf(invoiceIds), List.of());
    }

    /** The open invoices of the given debtors as of today. */
    public List<Case> openInvoicesOfDebtors(Collection<UUID> debtorIds) {
        return current(List.of(), List.copyOf(debtorIds));
    }

    /** Every open invoice of the tenant as of today. */
    public List<Case> allOpenInvoices() {
        return current(List.of(), List.of());
    }

    private List<Case> current(List<UUID> invoiceIds, List<UUID> debtorIds) {
        CollectabilitySql q = CollectabilitySql.current(sources(), today(), invoiceIds, debtorIds);
        Result<Record> rows = dsl.fetch(q.sql(), q.binds());
        List<Case> cases = new ArrayList<>(rows.size());
        for (Record row : rows) {
            Map<String, Object> features = new LinkedHashMap<>();
            for (Field<?> field : rows.fields()) {
                Object value = row.get(field);
                if (!KEYS.contains(field.getName()) && value != null) {
                    features.put(field.getName(), value instanceof Number n && !(value instanceof BigDecimal)
                            ? n.doubleValue() : value instanceof BigDecimal b ? b.doubleValue() : value.toString());
                }
            }
            cases.add(new Case(row.get("invoice_id", UUID.class), row.get("invoice_number", String.class),
                    row.get("debtor_id", UUID.class),
                    row.get("as_of", LocalDate.class), row.get("open_money", BigDecimal.class),
                    row.get("days_past_due", Integer.class), row.get("debtor_type", String.class), features));
        }
        return cases;
    }

    private static Column column(Field<?> field, Result<Record> rows) {
        int n = rows.size();
        if (Number.class.isAssignableFrom(field.getType())) {
            double[] values = new double[n];
            for (int r = 0; r < n; r++) {
                Object value = rows.get(r).get(field);
                values[r] = value == null ? Double.NaN : ((Number) value).doubleValue();
            }
            return new Column.Numeric(field.getName(), values);
        }
        String[] values = new String[n];
        for (int r = 0; r < n; r++) {
            Object value = rows.get(r).get(field);
            values[r] = value == null ? null : value.toString();
        }
        return new Column.Categorical(field.getName(), values);
    }

    /** Which other modules' tables this installation has (their features are left out otherwise). */
    CollectabilitySql.Sources sources() {
        Record r = dsl.fetchOne("select to_regclass('public.dunning_action') is not null as dunning, "
                + "to_regclass('public.payment_plan') is not null as plans, "
                + "to_regclass('public.promise_to_pay') is not null as promises");
        return new CollectabilitySql.Sources(r.get("dunning", Boolean.class), r.get("plans", Boolean.class),
                r.get("promises", Boolean.class));
    }
}
