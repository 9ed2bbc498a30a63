package io.creditflow.scoring.history;

import io.creditflow.acceptance.InvoicedChecks;
import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Acceptance training data from the tenant's own history: every credit check whose order became an invoice (from the
 * acceptance module's public {@link InvoicedChecks}), with the signals the decision saw as features and, as target,
 * whether that invoice went bad: its principal was not paid within the horizon after its due date (a write-off is
 * never payment). Features are what the check stored at decision time, so nothing from after the check leaks in; an
 * invoice whose horizon has not passed yet has no known outcome and is left out, as are restricted debtors.
 */
@Component
public class AcceptanceOutcomes {

    public static final String TARGET = "went_bad";
    /** "Went bad" = not paid within this many days after the due date, unless the training says otherwise. */
    public static final int DEFAULT_HORIZON_DAYS = 60;
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Amsterdam");

    private static final String OUTCOMES = """
            with inv as (
              select i.id, i.due_date from invoice i
               where i.tenant_id = current_tenant() and i.kind = 'INVOICE' and i.id = any(?::uuid[])
                 and i.due_date + ?::int <= ?::date
                 and not exists (select 1 from privacy_restriction r where r.tenant_id = i.tenant_id
                                    and r.debtor_id = i.debtor_id)
            ), running as (
              select e.invoice_id, e.value_date, e.kind,
                     sum(case when e.kind = 'WRITE_OFF' then 0 else e.principal end)
                         over (partition by e.invoice_id order by e.value_date, e.seq) as balance
                from ledger_entry e
               where e.tenant_id = current_tenant() and e.invoice_id in (select id from inv)
            )
            select inv.id, not coalesce(min(r.value_date) filter (where r.balance <= 0 and r.kind <> 'ISSUED')
                                            <= inv.due_date + ?::int, false) as went_bad
              from inv left join running r on r.invoice_id = inv.id
             group by inv.id, inv.due_date""";

    private final InvoicedChecks checks;
    private final DSLContext dsl;
    private final Clock clock;

    AcceptanceOutcomes(InvoicedChecks checks, DSLContext dsl, Clock clock) {
        this.checks = checks;
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The training set and what it covers. */
    public record TrainingSet(Dataset data, List<UUID> checkIds, LocalDate from, LocalDate to, int horizonDays) {
    }

    /** Checks made {@code from..to} (inclusive days) whose invoice's outcome is known today. */
    public TrainingSet trainingSet(LocalDate from, LocalDate to, int horizonDays) {
        LocalDate today = LocalDate.now(clock.withZone(BUSINESS_ZONE));
        List<InvoicedChecks.InvoicedCheck> invoiced = checks.between(
                from.atStartOfDay(BUSINESS_ZONE).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(BUSINESS_ZONE).toOffsetDateTime());
        UUID[] invoiceIds = invoiced.stream().map(InvoicedChecks.InvoicedCheck::invoiceId).distinct()
                .toArray(UUID[]::new);
        Map<UUID, Boolean> wentBad = new HashMap<>();
        for (Record r : dsl.fetch(OUTCOMES, invoiceIds, horizonDays, today, horizonDays)) {
            wentBad.put(r.get(0, UUID.class), r.get(1, Boolean.class));
        }
        List<InvoicedChecks.InvoicedCheck> known = invoiced.stream()
                .filter(c -> wentBad.containsKey(c.invoiceId())).toList();
        boolean[] bad = new boolean[known.size()];
        for (int r = 0; r < bad.length; r++) {
            bad[r] = wentBad.get(known.get(r).invoiceId());
        }
        List<Map<String, Object>> rows = known.stream().map(InvoicedChecks.InvoicedCheck::signals).toList();
        return new TrainingSet(new Dataset(columns(rows), TARGET, bad),
                known.stream().map(InvoicedChecks.InvoicedCheck::checkId).toList(), from, to, horizonDays);
    }

    /** A column per signal name: numeric when every present value is a number, else categories (flags as text). */
    static List<Column> columns(List<Map<String, Object>> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.keySet()));
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            boolean numeric = rows.stream().map(r -> r.get(name)).allMatch(v -> v == null || v instanceof Number);
            if (numeric) {
                double[] values = rows.stream().mapToDouble(r -> r.get(name) instanceof Number n ? n.doubleValue()
                        : Double.NaN).toArray();
                columns.add(new Column.Numeric(name, values));
            } else {
                String[] values = rows.stream().map(r -> r.get(name) == null ? null : r.get(name).toString())
                        .toArray(String[]::new);
                columns.add(new Column.Categorical(name, values));
            }
        }
        return columns;
    }
}
