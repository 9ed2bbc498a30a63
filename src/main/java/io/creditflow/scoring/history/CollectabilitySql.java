package io.creditflow.scoring.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one SQL statement behind collectability training sets and serving features, so a model is served exactly the
 * features it was trained on. A case is an invoice at a date (its "as of"); every feature uses only what was known
 * on that date: ledger entries with a value date up to it, other invoices' settlements up to it, dunning steps done
 * and payment plans agreed or broken up to it. Nothing reads an invoice's current status or open amount, which would
 * carry the future into the past.
 *
 * <p>Other modules' tables (dunning, payments) join in only when they exist in this installation.
 */
final class CollectabilitySql {

    static final String TARGET = "not_paid_within_horizon";

    /** Which optional tables exist. */
    record Sources(boolean dunning, boolean plans, boolean promises) {
    }

    private final Sources sources;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> binds = new ArrayList<>();

    private CollectabilitySql(Sources sources) {
        this.sources = sources;
    }

    String sql() {
        return sql.toString();
    }

    Object[] binds() {
        return binds.toArray();
    }

    /**
     * Training cases: each invoice at its issue date, its due date and every dunning step done, within the window,
     * only where the horizon after the case has fully passed (its outcome is known), with the target.
     */
    static CollectabilitySql training(Sources sources, LocalDate from, LocalDate to, int horizonDays,
                                      LocalDate today) {
        CollectabilitySql q = new CollectabilitySql(sources);
        q.sql.append("with snap as (select distinct x.invoice_id, x.as_of from (")
                .append("select i.id as invoice_id, d.as_of from invoice i ")
                .append("cross join lateral (values (i.issue_date), (i.due_date)) d(as_of) ")
                .append("where i.kind = 'INVOICE' and ").append(notRestricted("i"));
        if (sources.dunning()) {
            q.sql.append(" union all select a.invoice_id, ").append(DONE_ON).append(" from dunning_action a ")
                    .append("join invoice i on i.tenant_id = a.tenant_id and i.id = a.invoice_id ")
                    .append("where a.status = 'DONE' and a.item_kind = 'INVOICE' and ").append(notRestricted("i"));
        }
        q.sql.append(") x where x.as_of between ?::date and ?::date and x.as_of + ?::int <= ?::date)");
        q.binds.addAll(List.of(from, to, horizonDays, today));
        q.body(horizonDays);
        return q;
    }

    /** Serving cases: the given open invoices (or the open invoices of the given debtors, or all) as of a day. */
    static CollectabilitySql current(Sources sources, LocalDate day, List<UUID> invoiceIds, List<UUID> debtorIds) {
        CollectabilitySql q = new CollectabilitySql(sources);
        q.sql.append("with snap as (select i.id as invoice_id, ?::date as as_of from invoice i where i.kind = 'INVOICE' ")
                .append("and i.status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION') and ")
                .append(notRestricted("i"));
        q.binds.add(day);
        if (!invoiceIds.isEmpty()) {
            q.sql.append(" and i.id = any (?::uuid[])");
            q.binds.add(invoiceIds.toArray(UUID[]::new));
        }
        if (!debtorIds.isEmpty()) {
            q.sql.append(" and i.debtor_id = any (?::uuid[])");
            q.binds.add(debtorIds.toArray(UUID[]::new));
        }
        q.sql.append(")");
        q.body(null);
        return q;
    }

    private static final String DONE_ON =
            "coalesce((a.executed_at at time zone 'Europe/Amsterdam')::date, a.action_date)";

    private static String notRestricted(String invoice) {
        return "not exists (select 1 from privacy_restriction r where r.tenant_id = " + invoice
                + ".tenant_id and r.debtor_id = " + invoice + ".debtor_id)";
    }

    private void body(Integer horizonDays) {
        sql.append("""
                , si as (
                  select s.invoice_id, s.as_of, i.number, i.debtor_id, i.amount, i.issue_date, i.due_date,
                         d.type as debtor_type
                    from snap s
                    join invoice i on i.tenant_id = current_tenant() and i.id = s.invoice_id
                    join debtor d on d.tenant_id = i.tenant_id and d.id = i.debtor_id
                ), own as (
                  select si.invoice_id, si.as_of, sum(e.principal) as open_principal,
                         sum(e.principal + e.costs + e.interest) as open_total,
                         coalesce(sum(e.costs + e.interest) filter (where e.costs + e.interest > 0), 0) as charged,
                         count(*) filter (where e.kind = 'PAYMENT') as payments,
                         max(e.value_date) filter (where e.kind = 'PAYMENT') as last_payment
                    from si join ledger_entry e on e.tenant_id = current_tenant() and e.invoice_id = si.invoice_id
                     and e.value_date <= si.as_of
                   group by si.invoice_id, si.as_of
                ), running as (
                  select e.invoice_id, e.value_date, e.kind,
                         sum(case when e.kind = 'WRITE_OFF' then 0 else e.principal end)
                             over (partition by e.invoice_id order by e.value_date, e.seq) as balance
                    from ledger_entry e
                   where e.tenant_id = current_tenant()
                     and e.invoice_id in (select j.id from invoice j where j.tenant_id = current_tenant()
                                             and j.debtor_id in (select debtor_id from si))
                ), settlement as (
                  select j.id, j.debtor_id, j.issue_date, j.due_date,
                         min(r.value_date) filter (where r.balance <= 0 and r.kind <> 'ISSUED') as settled_on,
                         min(r.value_date) filter (where r.kind = 'WRITE_OFF') as written_off_on
                    from invoice j left join running r on r.invoice_id = j.id
                   where j.tenant_id = current_tenant() and j.kind = 'INVOICE'
                     and j.debtor_id in (select debtor_id from si)
                   group by j.id, j.debtor_id, j.issue_date, j.due_date
                ), history as (
                  select si.invoice_id, si.as_of,
                         count(j.id) filter (where j.issue_date <= si.as_of) as debtor_invoices,
                         count(j.id) filter (where j.settled_on <= si.as_of) as debtor_paid,
                         avg(greatest(j.settled_on - j.due_date, 0)) filter (where j.settled_on <= si.as_of)
                             as debtor_avg_days_late,
                         max(j.settled_on - j.due_date) filter (where j.settled_on <= si.as_of) as debtor_max_days_late,
                         avg(case when j.settled_on > j.due_date then 1.0 else 0.0 end)
                             filter (where j.settled_on <= si.as_of) as debtor_late_share,
                         (array_agg(j.settled_on - j.due_date order by j.settled_on desc, j.id)
                             filter (where j.settled_on <= si.as_of))[1] as debtor_last_days_late,
                         count(j.id) filter (where j.issue_date <= si.as_of and j.due_date < si.as_of
                             and not coalesce(j.settled_on <= si.as_of, false)
                             and not coalesce(j.written_off_on <= si.as_of, false)) as debtor_overdue_invoices,
                         max(si.as_of - j.due_date) filter (where j.issue_date <= si.as_of and j.due_date < si.as_of
                             and not coalesce(j.settled_on <= si.as_of, false)
                             and not coalesce(j.written_off_on <= si.as_of, false)) as debtor_max_days_overdue,
                         count(j.id) filter (where j.written_off_on <= si.as_of) as debtor_written_off,
                         si.as_of - min(j.issue_date) filter (where j.issue_date <= si.as_of) as debtor_days_known
                    from si left join settlement j on j.debtor_id = si.debtor_id and j.id <> si.invoice_id
                   group by si.invoice_id, si.as_of
                ), exposure as (
                  select si.invoice_id, si.as_of, sum(e.principal) as debtor_other_open
                    from si
                    join invoice j on j.tenant_id = current_tenant() and j.debtor_id = si.debtor_id
                     and j.id <> si.invoice_id and j.kind = 'INVOICE'
                    join ledger_entry e on e.tenant_id = j.tenant_id and e.invoice_id = j.id
                     and e.value_date <= si.as_of
                   group by si.invoice_id, si.as_of
                )""");
        if (sources.dunning()) {
            sql.append("""
                    , dunning as (
                      select si.invoice_id, si.as_of,
                             count(a.id) filter (where a.invoice_id = si.invoice_id) as dunning_steps,
                             si.as_of - max(a.done_on) filter (where a.invoice_id = si.invoice_id) as days_since_dunning,
                             count(a.id) filter (where a.done_on > si.as_of - 365) as debtor_dunning_365d
                        from si join (select a.id, a.invoice_id, a.debtor_id, %s as done_on
                                        from dunning_action a where a.status = 'DONE') a
                          on a.debtor_id = si.debtor_id and a.done_on <= si.as_of
                       group by si.invoice_id, si.as_of
                    )""".formatted(DONE_ON));
        }
        if (sources.plans()) {
            sql.append("""
                    , plans as (
                      select si.invoice_id, si.as_of,
                             count(p.id) filter (where p.agreed_on <= si.as_of) as debtor_plans,
                             count(p.id) filter (where p.status = 'BREACHED' and p.closed_on <= si.as_of)
                                 as debtor_plans_breached,
                             count(p.id) filter (where p.agreed_on <= si.as_of
                                 and not coalesce(p.closed_on <= si.as_of, false)
                                 and exists (select 1 from payment_plan_invoice pi where pi.tenant_id = current_tenant()
                                              and pi.plan_id = p.id and pi.invoice_id = si.invoice_id)) as invoice_on_plan
                        from si join (select p.id, p.debtor_id, p.status,
                                             (p.agreed_at at time zone 'Europe/Amsterdam')::date as agreed_on,
                                             (p.closed_at at time zone 'Europe/Amsterdam')::date as closed_on
                                        from payment_plan p where p.agreed_at is not null) p
                          on p.debtor_id = si.debtor_id
                       group by si.invoice_id, si.as_of
                    )""");
        }
        if (sources.promises()) {
            sql.append("""
                    , promises as (
                      select si.invoice_id, si.as_of,
                             count(p.id) filter (where (p.created_at at time zone 'Europe/Amsterdam')::date <= si.as_of)
                                 as debtor_promises,
                             count(p.id) filter (where p.status = 'BROKEN'
                                 and (p.closed_at at time zone 'Europe/Amsterdam')::date <= si.as_of)
                                 as debtor_promises_broken
                        from si join promise_to_pay p on p.tenant_id = current_tenant() and p.debtor_id = si.debtor_id
                       group by si.invoice_id, si.as_of
                    )""");
        }
        select(horizonDays);
    }

    private void select(Integer horizonDays) {
        sql.append("\n").append("""
                 select si.invoice_id, si.number as invoice_number, si.debtor_id, si.as_of,
                        coalesce(o.open_total, 0) as open_money,
                        si.debtor_type,
                        si.amount::float8 as amount,
                        coalesce(o.open_total, 0)::float8 as open_amount,
                        (coalesce(o.open_principal, 0) / si.amount)::float8 as open_share,
                        si.as_of - si.due_date as days_past_due,
                        si.due_date - si.issue_date as term_days,
                        coalesce(o.payments, 0) as partial_payments,
                        si.as_of - o.last_payment as days_since_payment,
                        coalesce(o.charged, 0)::float8 as costs_and_interest,
                        coalesce(h.debtor_invoices, 0) as debtor_invoices,
                        coalesce(h.debtor_paid, 0) as debtor_paid,
                        h.debtor_avg_days_late::float8 as debtor_avg_days_late,
                        h.debtor_max_days_late, h.debtor_late_share::float8 as debtor_late_share,
                        h.debtor_last_days_late,
                        coalesce(h.debtor_overdue_invoices, 0) as debtor_overdue_invoices,
                        h.debtor_max_days_overdue,
                        coalesce(h.debtor_written_off, 0) as debtor_written_off,
                        h.debtor_days_known,
                        coalesce(x.debtor_other_open, 0)::float8 as debtor_other_open""");
        if (sources.dunning()) {
            sql.append(", coalesce(dn.dunning_steps, 0) as dunning_steps, dn.days_since_dunning, "
                    + "coalesce(dn.debtor_dunning_365d, 0) as debtor_dunning_365d");
        }
        if (sources.plans()) {
            sql.append(", coalesce(pl.debtor_plans, 0) as debtor_plans, "
                    + "coalesce(pl.debtor_plans_breached, 0) as debtor_plans_breached, "
                    + "coalesce(pl.invoice_on_plan, 0) as invoice_on_plan");
        }
        if (sources.promises()) {
            sql.append(", coalesce(pp.debtor_promises, 0) as debtor_promises, "
                    + "coalesce(pp.debtor_promises_broken, 0) as debtor_promises_broken");
        }
        if (horizonDays != null) {
            // the target: principal not settled within the horizon after the case's date
            sql.append(", not coalesce(st.settled_on <= si.as_of + ?::int, false) as " + TARGET);
            binds.add(horizonDays);
        }
        sql.append("\n").append("""
                 from si
                 left join own o on o.invoice_id = si.invoice_id and o.as_of = si.as_of
                 left join history h on h.invoice_id = si.invoice_id and h.as_of = si.as_of
                 left join exposure x on x.invoice_id = si.invoice_id and x.as_of = si.as_of
                 left join settlement st on st.id = si.invoice_id""");
        if (sources.dunning()) {
            sql.append(" left join dunning dn on dn.invoice_id = si.invoice_id and dn.as_of = si.as_of");
        }
        if (sources.plans()) {
            sql.append(" left join plans pl on pl.invoice_id = si.invoice_id and pl.as_of = si.as_of");
        }
        if (sources.promises()) {
            sql.append(" left join promises pp on pp.invoice_id = si.invoice_id and pp.as_of = si.as_of");
        }
        // a case exists only while the invoice's principal is open on its date
        sql.append(" where coalesce(o.open_principal, 0) > 0 order by si.as_of, si.invoice_id");
    }
}
