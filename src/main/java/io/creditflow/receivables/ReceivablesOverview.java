package io.creditflow.receivables;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Portfolio figures for the console: aging of the open receivables and the DSO trend. Each is one set-based query;
 * the DSO trend reconstructs twelve month-ends from the ledger in a single pass and is cached for ten minutes.
 */
@Component
public class ReceivablesOverview {

    public static final List<String> BUCKETS = List.of("NOT_DUE", "1-30", "31-60", "61-90", "90+");

    private final DSLContext dsl;
    private final Clock clock;
    private final Cache<UUID, List<DsoPoint>> dsoCache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(1_000).build();

    ReceivablesOverview(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public record AgingBucket(String bucket, long invoices, BigDecimal open) {
    }

    public record DsoPoint(LocalDate monthEnd, BigDecimal receivables, BigDecimal sales90, BigDecimal dso) {
    }

    public record Totals(long openInvoices, BigDecimal open, BigDecimal overdue, long debtorsWithOverdue) {
    }

    @Transactional(readOnly = true)
    public List<AgingBucket> aging() {
        LocalDate today = LocalDate.now(clock);
        var rows = dsl.resultQuery("""
                select case when due_date >= {0} then 'NOT_DUE'
                            when {0} - due_date <= 30 then '1-30'
                            when {0} - due_date <= 60 then '31-60'
                            when {0} - due_date <= 90 then '61-90'
                            else '90+' end as bucket,
                       count(*) as n, coalesce(sum(open_principal + open_costs + open_interest), 0) as open
                  from invoice
                 where status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION') and kind = 'INVOICE'
                 group by 1""", today).fetch();
        List<AgingBucket> buckets = new ArrayList<>();
        for (String b : BUCKETS) {
            var row = rows.stream().filter(r -> b.equals(r.get("bucket", String.class))).findFirst();
            buckets.add(new AgingBucket(b, row.map(r -> r.get("n", Long.class)).orElse(0L),
                    row.map(r -> r.get("open", BigDecimal.class)).orElse(BigDecimal.ZERO)));
        }
        return buckets;
    }

    @Transactional(readOnly = true)
    public Totals totals() {
        LocalDate today = LocalDate.now(clock);
        var r = dsl.resultQuery("""
                select count(*) as n,
                       coalesce(sum(open_principal + open_costs + open_interest), 0) as open,
                       coalesce(sum(open_principal + open_costs + open_interest) filter (where due_date < {0}), 0) as overdue,
                       count(distinct debtor_id) filter (where due_date < {0}) as debtors
                  from invoice
                 where status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION') and kind = 'INVOICE'""",
                today).fetchSingle();
        return new Totals(r.get("n", Long.class), r.get("open", BigDecimal.class), r.get("overdue", BigDecimal.class),
                r.get("debtors", Long.class));
    }

    /**
     * Days sales outstanding at each of the last twelve month-ends: receivables open at that date (the ledger up to
     * it) divided by the sales of the 90 days before, times 90.
     */
    @Transactional(readOnly = true)
    public List<DsoPoint> dsoTrend() {
        return dsoCache.get(TenantContext.require(), t -> computeDso());
    }

    private List<DsoPoint> computeDso() {
        LocalDate firstOfMonth = LocalDate.now(clock).withDayOfMonth(1);
        List<LocalDate> ends = new ArrayList<>();
        for (int m = 12; m >= 1; m--) {
            ends.add(firstOfMonth.minusMonths(m - 1L).minusDays(1));
        }
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < ends.size(); i++) {
            LocalDate end = ends.get(i);
            select.append(i == 0 ? "" : ", ")
                    .append("coalesce(sum(l.principal + l.costs + l.interest) filter (where l.value_date <= date '")
                    .append(end).append("'), 0) as r").append(i)
                    .append(", coalesce(sum(l.principal) filter (where l.kind = 'ISSUED' and l.value_date > date '")
                    .append(end.minusDays(90)).append("' and l.value_date <= date '").append(end)
                    .append("' and l.principal > 0), 0) as s").append(i);
        }
        select.append(" from ledger_entry l where l.value_date <= date '").append(ends.getLast()).append("'");
        var row = dsl.resultQuery(select.toString()).fetchSingle();
        List<DsoPoint> points = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            BigDecimal receivables = row.get("r" + i, BigDecimal.class);
            BigDecimal sales = row.get("s" + i, BigDecimal.class);
            BigDecimal dso = sales.signum() == 0 ? BigDecimal.ZERO
                    : receivables.multiply(BigDecimal.valueOf(90)).divide(sales, 1, java.math.RoundingMode.HALF_UP);
            points.add(new DsoPoint(ends.get(i), receivables, sales, dso));
        }
        return points;
    }
}
