package io.creditflow.dunning.run;

import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.PaymentPlanInstalments;
import io.creditflow.dunning.ScoreBandProvider;
import io.creditflow.messaging.ContactRestrictions;
import io.creditflow.platform.database.CopyIn;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plans a run in SQL: which step each open item (invoice or instalment) reaches on the run date, for every open item
 * of the tenant at once. An item's next step is the first step after the last one it took (in the flow's active
 * version) whose conditions hold, once {@code dueDate + offsetDays} and the gap after the previous action have
 * passed. When several steps are due at once (after downtime, or a debtor imported long overdue) catch-up decides:
 * LATEST_ONLY takes the latest, never past a mandatory step, and names the ones passed over on the planned action
 * ({@code skipped_steps}; the history, view {@code dunning_action_log}, shows each as SKIPPED);
 * EARLIEST_FIRST takes one step per run. Each planned step is an insert that the unique index
 * (item, flow, step) turns into a no-op when it exists: at most one action per item and step, ever.
 */
@Component
public class RunPlanner {

    private final DSLContext dsl;
    private final CopyIn copyIn;

    RunPlanner(DSLContext dsl, CopyIn copyIn) {
        this.dsl = dsl;
        this.copyIn = copyIn;
    }

    public record Counts(int evaluated, int paused, int restricted, int planned, int skipped) {
    }

    /** Runs in the caller's tenant transaction. */
    public Counts plan(UUID runId, LocalDate day, DunningSettings.CatchUp catchUp, ContactRestrictions restrictions,
                       ScoreBandProvider scores, PaymentPlanInstalments plans) {
        stageInstalments(plans.openInstalments(day));
        Set<UUID> underPlan = plans.invoicesUnderPlan();
        Integer minOffset = dsl.resultQuery("""
                select min(s.offset_days) from dunning_flow_step s
                  join dunning_flow f on f.tenant_id = s.tenant_id and f.id = s.flow_id and f.active_version = s.version""")
                .fetchSingle().get(0, Integer.class);
        List<UUID> debtors = dsl.resultQuery("""
                select distinct debtor_id from invoice
                 where status in ('OPEN', 'PARTIALLY_PAID') and kind = 'INVOICE'""").fetch(r -> r.get(0, UUID.class));
        Set<UUID> restricted = restrictions.restrictedAmong(debtors);
        stageScoreBands(scores, debtors);
        long t0 = System.nanoTime();
        materialise(day, minOffset == null ? 0 : minOffset, underPlan, restricted);
        long t1 = System.nanoTime();
        stageHistory();
        if (Boolean.getBoolean("creditflow.dunning.explain")) {
            System.out.println("PLAN| materialise " + (t1 - t0) / 1_000_000 + " ms, history "
                    + (System.nanoTime() - t1) / 1_000_000 + " ms");
        }
        Record c = dsl.resultQuery("select count(*) as n, count(*) filter (where paused) as p, "
                + "count(*) filter (where restricted) as r from run_item").fetchSingle();
        if (Boolean.getBoolean("creditflow.dunning.explain")) {
            dsl.resultQuery("explain (analyze, buffers) " + PLAN, day, runId,
                    catchUp == DunningSettings.CatchUp.EARLIEST_FIRST).fetch()
                    .forEach(r -> System.out.println("PLAN| " + r.get(0, String.class)));
        }
        Record inserted = dsl.resultQuery(PLAN, day, runId, catchUp == DunningSettings.CatchUp.EARLIEST_FIRST)
                .fetchSingle();
        int evaluated = dsl.resultQuery("select count(*) from invoice where status in ('OPEN', 'PARTIALLY_PAID', "
                + "'DISPUTED', 'IN_COLLECTION') and kind = 'INVOICE'").fetchSingle().get(0, Integer.class)
                + dsl.resultQuery("select count(*) from run_instalment").fetchSingle().get(0, Integer.class);
        return new Counts(evaluated, c.get("p", Integer.class), c.get("r", Integer.class),
                inserted.get("planned", Integer.class), inserted.get("skipped", Integer.class));
    }

    private void stageInstalments(List<PaymentPlanInstalments.Instalment> instalments) {
        copyIn.prepare("run_instalment", "id uuid, debtor_id uuid, invoice_id uuid, due_date date, "
                + "open_amount numeric(15,2)");
        if (instalments.isEmpty()) {
            return;
        }
        CopyIn.Rows rows = new CopyIn.Rows();
        instalments.forEach(i -> rows.uuid(i.id()).uuid(i.debtorId()).uuid(i.firstInvoiceId()).date(i.dueDate())
                .number(i.openAmount()).end());
        copyIn.copy("run_instalment", "id, debtor_id, invoice_id, due_date, open_amount", rows.csv());
    }

    private void stageScoreBands(ScoreBandProvider scores, List<UUID> debtors) {
        copyIn.prepare("run_score_band", "debtor_id uuid primary key, band text");
        boolean used = dsl.fetchExists(dsl.selectOne().from("dunning_flow_step").where("score_bands is not null"));
        if (!used || debtors.isEmpty()) {
            return;
        }
        Map<UUID, String> bands = scores.bandsOf(debtors);
        if (bands.isEmpty()) {
            return;
        }
        CopyIn.Rows rows = new CopyIn.Rows();
        bands.forEach((debtor, band) -> rows.uuid(debtor).text(band).end());
        copyIn.copy("run_score_band", "debtor_id, band", rows.csv());
    }

    /** The items of this run with their flow and whether they are paused or their debtor restricted. */
    private void materialise(LocalDate day, int minOffset, Set<UUID> underPlan, Set<UUID> restricted) {
        dsl.execute("drop table if exists run_item");
        dsl.execute("""
                create temp table run_item on commit drop as
                with active_pause as (
                  select * from dunning_pause
                   where ended_at is null and starts_on <= {0}::date and (ends_on is null or ends_on >= {0}::date)),
                paused_invoice as (
                  select target_id as invoice_id from active_pause where scope = 'INVOICE'
                  union select unnest(invoice_ids) from active_pause where scope = 'CASE'),
                paused_debtor as (select distinct target_id as debtor_id from active_pause where scope = 'DEBTOR'),
                open_item as (
                  select i.id as item_id, 'INVOICE' as item_kind, i.id as invoice_id, i.debtor_id, i.due_date,
                         i.open_principal + i.open_costs + i.open_interest as open_amount
                    from invoice i
                   where i.status in ('OPEN', 'PARTIALLY_PAID') and i.kind = 'INVOICE'
                     and i.due_date <= {0}::date - {1}::int and not (i.id = any({2}::uuid[]))
                  union all
                  select id, 'INSTALMENT', invoice_id, debtor_id, due_date, open_amount from run_instalment)
                select o.*, d.type as debtor_type, d.language, d.tags,
                       coalesce(df.flow_id, rule.flow_id, st.default_flow_id) as flow_id,
                       (pi.invoice_id is not null or pd.debtor_id is not null) as paused,
                       (o.debtor_id = any({3}::uuid[])) as restricted
                  from open_item o
                  join debtor d on d.tenant_id = current_tenant() and d.id = o.debtor_id and d.status = 'ACTIVE'
                  left join dunning_debtor_flow df on df.tenant_id = current_tenant() and df.debtor_id = o.debtor_id
                  left join lateral (
                    select r.flow_id from dunning_assignment_rule r
                     where (r.debtor_type is null or r.debtor_type = d.type) and (r.tag is null or r.tag = any(d.tags))
                     order by r.priority limit 1) rule on true
                  left join dunning_settings st on st.tenant_id = current_tenant()
                  left join paused_invoice pi on pi.invoice_id = o.invoice_id
                  left join paused_debtor pd on pd.debtor_id = o.debtor_id""",
                day, minOffset, underPlan.toArray(UUID[]::new), restricted.toArray(UUID[]::new));
        dsl.execute("analyze run_item");
    }

    /**
     * The active steps, each item's last step and the letters' terms as analysed temporary tables: the planner then
     * joins with hashes whatever the statistics of the (young) tenant tables say, so planning stays linear.
     */
    private void stageHistory() {
        dsl.execute("drop table if exists run_step");
        dsl.execute("""
                create temp table run_step on commit drop as
                select s.* from dunning_flow_step s
                  join dunning_flow f on f.tenant_id = s.tenant_id and f.id = s.flow_id and f.active_version = s.version""");
        dsl.execute("drop table if exists run_last");
        dsl.execute("""
                create temp table run_last on commit drop as
                select a.item_id, a.flow_id, max(s.seq) as last_seq,
                       max(a.action_date) filter (where a.status <> 'SKIPPED') as last_date
                  from dunning_action a
                  join run_step s on s.flow_id = a.flow_id and s.step_key = a.step_key
                 where a.item_id in (select item_id from run_item)
                 group by a.item_id, a.flow_id""");
        dsl.execute("drop table if exists run_letter");
        dsl.execute("""
                create temp table run_letter on commit drop as
                select li.invoice_id, max(l.deadline) as deadline, bool_or(l.status = 'PENDING') as pending,
                       bool_and(coalesce(l.valid, false)) as valid
                  from dunning_letter_invoice li
                  join dunning_letter l on l.tenant_id = li.tenant_id and l.id = li.letter_id
                 where l.status <> 'FAILED' and li.invoice_id in (select invoice_id from run_item)
                 group by li.invoice_id""");
        dsl.execute("analyze run_step, run_last, run_letter, run_score_band");
    }

    private static final String PLAN = """
            with cand as (
              select it.item_id, it.item_kind, it.invoice_id, it.debtor_id, it.flow_id, s.version,
                     s.seq, s.step_key, s.mandatory
                from run_item it
                join run_step s on s.flow_id = it.flow_id
                left join run_last l on l.item_id = it.item_id and l.flow_id = it.flow_id
                left join run_letter lt on lt.invoice_id = it.invoice_id
                left join run_score_band sb on sb.debtor_id = it.debtor_id
               where not it.paused and not it.restricted
                 and s.seq > coalesce(l.last_seq, 0)
                 and it.due_date + s.offset_days <= {0}::date
                 and (l.last_date is null or l.last_date + s.min_days_after_previous <= {0}::date)
                 and (s.debtor_type is null or s.debtor_type = it.debtor_type)
                 and (s.min_amount is null or it.open_amount >= s.min_amount)
                 and (s.max_amount is null or it.open_amount <= s.max_amount)
                 and (s.min_days_overdue is null or {0}::date - it.due_date >= s.min_days_overdue)
                 and (s.max_days_overdue is null or {0}::date - it.due_date <= s.max_days_overdue)
                 and (s.languages is null or it.language = any(s.languages))
                 and (s.tags_any is null or it.tags && s.tags_any)
                 and (s.tags_none is null or not (it.tags && s.tags_none))
                 and (s.score_bands is null or coalesce(sb.band, 'NONE') = any(s.score_bands))
                 and (not s.letter_deadline_passed or it.debtor_type = 'BUSINESS'
                      or (lt.deadline < {0}::date and not lt.pending and lt.valid))),
            -- catch-up with window functions (no self-joins: linear however many items are due)
            ranked as (
              select c.*, min(c.seq) filter (where c.mandatory) over w as bseq, min(c.seq) over w as first_seq
                from cand c window w as (partition by c.item_id, c.flow_id)),
            eligible as (select * from ranked where bseq is null or seq <= bseq),
            chosen as (
              select e.*, case when {2}::boolean then first_seq
                               else max(seq) over (partition by item_id, flow_id) end as cseq
                from eligible e),
            -- the steps passed over are named on the planned action (skipped_steps), not rows of their own
            picked as (
              select c.*, array_agg(c.step_key) filter (where c.seq < c.cseq)
                            over (partition by c.item_id, c.flow_id order by c.seq
                                  rows between unbounded preceding and unbounded following) as passed_over
                from chosen c
               where c.seq <= c.cseq),
            ins as (
              insert into dunning_action (tenant_id, id, item_id, item_kind, invoice_id, debtor_id, flow_id,
                                          flow_version, step_key, step_seq, action_date, status, run_id,
                                          skipped_steps)
              select current_tenant(), gen_random_uuid(), p.item_id, p.item_kind, p.invoice_id, p.debtor_id,
                     p.flow_id, p.version, p.step_key, p.seq, {0}::date, 'PLANNED', {1}::uuid, p.passed_over
                from picked p
               where p.seq = p.cseq
              on conflict (tenant_id, item_id, flow_id, step_key) do nothing
              returning coalesce(cardinality(skipped_steps), 0) as passed_over)
            select count(*) as planned, coalesce(sum(passed_over), 0) as skipped from ins""";
}
