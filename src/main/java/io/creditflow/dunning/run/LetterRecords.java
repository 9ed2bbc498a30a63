package io.creditflow.dunning.run;

import io.creditflow.messaging.Channel;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the evidence rows of the 14-day letters of a batch when they are enqueued (PENDING until the outbox reports
 * them sent), in one statement for the whole batch.
 */
final class LetterRecords {

    private LetterRecords() {
    }

    record Pending(MessageComposer.Draft draft, UUID messageId) {
    }

    static void pending(DSLContext dsl, List<Pending> letters) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (Pending p : letters) {
            MessageComposer.Legal legal = p.draft().legal();
            if (legal == null || p.draft().message().channel() == Channel.SMS) {
                continue;
            }
            UUID letterId = UUID.randomUUID();
            rows.add(new Object[] {letterId, p.draft().message().subjectId(), p.draft().day(), p.messageId(),
                    p.draft().message().channel() == Channel.LETTER ? "POST" : "EMAIL",
                    legal.consumer() ? "CONSUMER" : "BUSINESS", legal.costs().principal(), legal.costs().costs(),
                    legal.costs().costsExcludingVat(), legal.costs().vat(), legal.costs().vatUpliftApplied(),
                    legal.latestDueDate()});
            for (Map.Entry<UUID, BigDecimal> e : legal.principals().entrySet()) {
                links.add(new Object[] {letterId, e.getKey(), e.getValue()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // One statement: the links join the letters this statement inserted (a letter whose message already had
        // one is left alone, and so are its links). Its foreign-key checks keep PostgreSQL's default plan caching: a
        // plan made for the values of a tenant the statistics do not know yet takes the (tenant, debtor) index with
        // a filter on the id and reads every letter of the tenant per check (measured: a run of a new tenant 4x
        // slower); the generic plan takes the primary key once the table's statistics are current, which the
        // dunning run sees to (platform.PlannerStatistics).
        dsl.execute("""
                    with letter as (
                      insert into dunning_letter (tenant_id, id, debtor_id, action_date, message_id, channel, status,
                          debtor_type, principal, stated_costs, costs_excl_vat, vat, vat_declared, latest_due_date,
                          term_days)
                      select current_tenant(), u.id, u.debtor, u.day, u.message, u.channel, 'PENDING', u.type,
                             u.principal, u.costs, u.excl, u.vat, u.declared, u.due, 14
                        from unnest({0}::uuid[], {1}::uuid[], {2}::date[], {3}::uuid[], {4}::text[], {5}::text[],
                                    {6}::numeric[], {7}::numeric[], {8}::numeric[], {9}::numeric[], {10}::boolean[],
                                    {11}::date[])
                             as u(id, debtor, day, message, channel, type, principal, costs, excl, vat, declared, due)
                      on conflict (tenant_id, message_id) do nothing
                      returning id)
                    insert into dunning_letter_invoice (tenant_id, letter_id, invoice_id, principal)
                    select current_tenant(), u.letter, u.invoice, u.principal
                      from unnest({12}::uuid[], {13}::uuid[], {14}::numeric[]) as u(letter, invoice, principal)
                      join letter l on l.id = u.letter""",
                    column(rows, 0, UUID[]::new), column(rows, 1, UUID[]::new), column(rows, 2, java.time.LocalDate[]::new),
                    column(rows, 3, UUID[]::new), column(rows, 4, String[]::new), column(rows, 5, String[]::new),
                    column(rows, 6, BigDecimal[]::new), column(rows, 7, BigDecimal[]::new),
                    column(rows, 8, BigDecimal[]::new), column(rows, 9, BigDecimal[]::new),
                    column(rows, 10, Boolean[]::new), column(rows, 11, java.time.LocalDate[]::new),
                    column(links, 0, UUID[]::new), column(links, 1, UUID[]::new), column(links, 2, BigDecimal[]::new));
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int i, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            out[r] = (T) rows.get(r)[i];
        }
        return out;
    }
}
