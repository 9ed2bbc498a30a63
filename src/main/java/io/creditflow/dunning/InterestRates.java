package io.creditflow.dunning;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.law.InterestKind;
import io.creditflow.law.InterestRate;
import io.creditflow.law.InterestRateTable;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The statutory interest rates as data the platform operator maintains (table {@code statutory_interest_rate}),
 * seeded from the law module's shipped table on first use. The law module stays pure: it is handed an
 * {@link InterestRateTable} built from these rows. Rows flagged uncertain are shown as such to every user.
 */
@Component
public class InterestRates {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final AtomicReference<InterestRateTable> cached = new AtomicReference<>();

    InterestRates(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    public record Row(InterestKind kind, LocalDate effectiveFrom, BigDecimal percent, boolean uncertain, String note,
                      OffsetDateTime updatedAt, String updatedBy) {
    }

    /** The table in force (cached; an edit on this node refreshes it, other nodes within a minute). */
    public InterestRateTable table() {
        InterestRateTable table = cached.get();
        if (table == null) {
            table = load();
            cached.set(table);
            cacheExpiry = System.nanoTime() + 60_000_000_000L;
        } else if (System.nanoTime() > cacheExpiry) {
            cached.set(null);
        }
        return table;
    }

    private volatile long cacheExpiry;

    @Transactional
    InterestRateTable load() {
        if (dsl.fetchCount(dsl.selectOne().from("statutory_interest_rate")) == 0) {
            seed();
        }
        return new InterestRateTable(rows().stream().map(r -> new InterestRate(r.effectiveFrom(), r.kind(),
                r.percent(), r.uncertain(), r.note())).toList());
    }

    private void seed() {
        for (InterestRate r : InterestRateTable.dutch().rows()) {
            dsl.execute("""
                    insert into statutory_interest_rate (kind, effective_from, percent, uncertain, note, updated_by)
                    values ({0}, {1}, {2}, {3}, {4}, 'seed: law module table') on conflict do nothing""",
                    r.kind().name(), r.effectiveFrom(), r.percent(), r.uncertain(), r.note());
        }
    }

    @Transactional
    public List<Row> rows() {
        if (dsl.fetchCount(dsl.selectOne().from("statutory_interest_rate")) == 0) {
            seed();
        }
        return dsl.resultQuery("select kind, effective_from, percent, uncertain, note, updated_at, updated_by "
                        + "from statutory_interest_rate order by kind, effective_from")
                .fetch(r -> new Row(InterestKind.valueOf(r.get("kind", String.class)),
                        r.get("effective_from", LocalDate.class), r.get("percent", BigDecimal.class),
                        r.get("uncertain", Boolean.class), r.get("note", String.class),
                        r.get("updated_at", OffsetDateTime.class), String.valueOf(r.get("updated_by", String.class))));
    }

    /** Adds or changes the rate of a kind from a date (platform operator only). */
    @Transactional
    public void put(InterestKind kind, LocalDate from, BigDecimal percent, boolean uncertain, String note) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.stripTrailingZeros().scale() > 3) {
            throw new ValidationException("Invalid rate.", List.of(new FieldError("percent",
                    "between 0 and 100 with at most 3 decimals")));
        }
        if (from == null || from.getYear() < 1990) {
            throw new ValidationException("Invalid rate.", List.of(new FieldError("effectiveFrom", "a date from 1990")));
        }
        dsl.execute("""
                insert into statutory_interest_rate (kind, effective_from, percent, uncertain, note, updated_by)
                values ({0}, {1}, {2}, {3}, {4}, {5})
                on conflict (kind, effective_from) do update set percent = excluded.percent,
                   uncertain = excluded.uncertain, note = excluded.note, updated_at = now(),
                   updated_by = excluded.updated_by""", kind.name(), from, percent, uncertain,
                note == null ? "" : note, Actor.current().name());
        audit.record(AuditEvent.of("interest-rate.saved", "interest-rate", kind + "/" + from)
                .detail("percent", percent.toPlainString()).detail("uncertain", uncertain));
        cached.set(null);
    }

    @Transactional
    public void remove(InterestKind kind, LocalDate from) {
        dsl.execute("delete from statutory_interest_rate where kind = {0} and effective_from = {1}", kind.name(), from);
        audit.record(AuditEvent.of("interest-rate.removed", "interest-rate", kind + "/" + from));
        cached.set(null);
    }
}
