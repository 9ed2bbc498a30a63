-- The facts a credit check decides on, gathered in one round trip under the identity's lock.
--
-- Why a function: a check must read its exposure AFTER it holds the identity's row lock, or two simultaneous checks
-- both read the exposure from before the other's reservation and both pass a limit that fits only one. In READ
-- COMMITTED a single statement reads one snapshot taken before any lock wait inside it, so the lock and the reads
-- cannot share one statement; a VOLATILE function takes a fresh snapshot per statement. Doing it here also keeps the
-- hot path at one round trip for all reads (the throughput target is thousands of checks a second).
--
-- Steps: (1) upsert the identity row, which locks it until commit (concurrent checks of the same identity queue
-- here); (2) a check with the same natural key (identity, order reference, amount) is answered again, nothing else
-- happens; (3) link receivables debtors that are this identity (same Chamber of Commerce number; or same date of
-- birth and last-name word); (4) their open, overdue and paid invoices; (5) open orders (reservations); (6) bursts
-- of checks; (7) contact attributes shared with other identities and other debtors; (8) record this check's
-- attributes. Whether a linked debtor is restricted (GDPR art. 18) is reported too. An open order with the same order reference is not counted: this check amends it (and supersedes its
-- reservation when it is recorded).
create function credit_check_begin(p_identity_key bytea, p_kind text, p_new_identity uuid, p_new_subject uuid,
                                   p_now timestamptz, p_today date, p_natural_key bytea, p_order_reference text,
                                   p_kvk bytea, p_dob bytea, p_name bytea, p_attr_kinds text[],
                                   p_attr_digests bytea[], p_window interval)
    returns table (identity_id uuid, subject_id uuid, identity_new boolean, manual_limit numeric,
                   replay_check_id uuid, debtor_ids uuid[], open_amount numeric, overdue_amount numeric,
                   max_days_overdue int, in_collection int, disputed int, paid_count_12m int,
                   avg_days_late_12m numeric, max_days_late_12m int, paid_within_60_12m numeric,
                   first_invoice date, open_orders numeric, open_order_count int, checks_1h int, checks_24h int,
                   shared_email int, shared_iban int, shared_phone int, shared_address int,
                   restricted boolean)
    language plpgsql volatile
as $$
#variable_conflict use_column
declare
    v_tenant uuid := current_tenant();
    v_ids uuid[];
    v_identity uuid;
    v_shared int;
begin
    insert into credit_identity as i (tenant_id, id, kind, identity_key, subject_id, last_check_at, check_count)
    values (v_tenant, p_new_identity, p_kind, p_identity_key, p_new_subject, p_now, 1)
    on conflict (tenant_id, identity_key) do update
        set last_check_at = greatest(i.last_check_at, excluded.last_check_at), check_count = i.check_count + 1
    returning i.id, i.subject_id, i.manual_limit, i.id = p_new_identity
        into identity_id, subject_id, manual_limit, identity_new;
    v_identity := identity_id;

    if p_natural_key is not null then
        select c.id into replay_check_id from credit_check c
         where c.tenant_id = v_tenant and c.natural_key = p_natural_key;
        if replay_check_id is not null then
            return next;
            return;
        end if;
    end if;

    insert into credit_identity_debtor (tenant_id, identity_id, debtor_id, linked_at)
    select v_tenant, v_identity, m.debtor_id, p_now
      from (select k.debtor_id from debtor_lookup k
             where k.tenant_id = v_tenant and p_kvk is not null
               and k.kind = 'CHAMBER_OF_COMMERCE' and k.digest = p_kvk
            union
            select d.debtor_id from debtor_lookup d
             where d.tenant_id = v_tenant and p_dob is not null and p_name is not null
               and d.kind = 'DATE_OF_BIRTH' and d.digest = p_dob
               and exists (select 1 from debtor_lookup n
                            where n.tenant_id = v_tenant and n.kind = 'NAME_WORD' and n.digest = p_name
                              and n.debtor_id = d.debtor_id)) m
    on conflict do nothing;
    select coalesce(array_agg(l.debtor_id), '{}') into v_ids from credit_identity_debtor l
     where l.tenant_id = v_tenant and l.identity_id = v_identity;
    debtor_ids := v_ids;
    -- GDPR art. 18: a restricted debtor's data is stored only; the caller decides without it (V60 owns the table)
    restricted := exists (select 1 from privacy_restriction r where r.tenant_id = v_tenant and r.debtor_id = any (v_ids));

    select coalesce(sum(v.open_amount) filter (where v.is_open), 0),
           coalesce(sum(v.open_amount) filter (where v.is_open and v.due_date < p_today), 0),
           coalesce(max(p_today - v.due_date) filter (where v.is_open and v.due_date < p_today), 0),
           count(*) filter (where v.status = 'IN_COLLECTION'),
           count(*) filter (where v.status = 'DISPUTED'),
           count(*) filter (where v.paid_12m),
           round(avg(v.settled_on - v.due_date) filter (where v.paid_12m), 1),
           max(v.settled_on - v.due_date) filter (where v.paid_12m),
           coalesce(sum(v.amount) filter (where v.paid_12m and v.settled_on <= v.due_date + 60), 0),
           min(v.issue_date)
      into open_amount, overdue_amount, max_days_overdue, in_collection, disputed, paid_count_12m,
           avg_days_late_12m, max_days_late_12m, paid_within_60_12m, first_invoice
      from (select i.status, i.amount, i.due_date, i.issue_date,
                   i.open_principal + i.open_costs + i.open_interest as open_amount,
                   i.status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION') as is_open,
                   (i.settled_at at time zone 'Europe/Amsterdam')::date as settled_on,
                   i.kind = 'INVOICE' and i.status = 'PAID' and i.settled_at >= p_now - interval '12 months' as paid_12m
              from invoice i
             where i.tenant_id = v_tenant and i.debtor_id = any (v_ids)) v;

    select coalesce(sum(r.amount), 0), count(*) into open_orders, open_order_count
      from credit_reservation r
     where r.tenant_id = v_tenant and r.identity_id = v_identity
       and r.status in ('OPEN', 'PENDING_REVIEW') and r.expires_at > p_now
       and (p_order_reference is null or r.order_reference is distinct from p_order_reference);

    select count(*) filter (where c.created_at > p_now - interval '1 hour'), count(*)
      into checks_1h, checks_24h
      from credit_check c
     where c.tenant_id = v_tenant and c.identity_id = v_identity and c.created_at > p_now - interval '24 hours';

    -- Each count stops at 50: beyond that the number adds nothing to a decision, and a popular detail (a student
    -- house, a shop's own phone number on many orders) must not make every check that uses it slower.
    shared_email := 0;
    shared_iban := 0;
    shared_phone := 0;
    shared_address := 0;
    for i in 1 .. coalesce(array_length(p_attr_kinds, 1), 0) loop
        select (select count(*) from (select 1 from credit_identity_attribute a
                                        where a.tenant_id = v_tenant and a.kind = p_attr_kinds[i]
                                          and a.digest = p_attr_digests[i] and a.identity_id <> v_identity
                                          and a.last_seen > p_now - p_window limit 50) x)
             + (select count(*) from (select 1 from debtor_lookup l
                                        where l.tenant_id = v_tenant and l.kind = p_attr_kinds[i]
                                          and l.digest = p_attr_digests[i] and not (l.debtor_id = any (v_ids))
                                        limit 50) y)
          into v_shared;
        case p_attr_kinds[i]
            when 'EMAIL' then shared_email := v_shared;
            when 'IBAN' then shared_iban := v_shared;
            when 'PHONE' then shared_phone := v_shared;
            when 'ADDRESS' then shared_address := v_shared;
            else null;
        end case;
    end loop;

    insert into credit_identity_attribute as a (tenant_id, kind, digest, identity_id, first_seen, last_seen)
    select v_tenant, x.kind, x.digest, v_identity, p_now, p_now
      from unnest(p_attr_kinds, p_attr_digests) as x(kind, digest)
    on conflict (tenant_id, kind, digest, identity_id) do update set last_seen = excluded.last_seen
        -- the window is days long: refreshing at most hourly spares a row version per detail per repeat check
        where a.last_seen < excluded.last_seen - interval '1 hour';

    return next;
end
$$;
