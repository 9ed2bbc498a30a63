-- Two operations that must cross tenants, as narrow security-definer functions (they run as the tables' owner, which
-- row-level security does not restrict), each refusing anything outside its one purpose.

-- Deletes every row of one tenant from every table that has a tenant_id column (whichever module created it, now or
-- later), children before parents, and returns the count per table. Refuses unless the tenant is OFFBOARDING and its
-- export bundle is READY: the controller gets its data back before anything is deleted. Keys go with the rows, so
-- what a backup still holds of the tenant can no longer be unwrapped once the backup's own copy of the keys expires.
create function privacy_delete_tenant(p_tenant uuid) returns table (table_name text, deleted bigint)
    language plpgsql volatile security definer set search_path = public
as $$
declare
    remaining text[];
    t text;
    n bigint;
    progress boolean;
begin
    if not exists (select 1 from tenant where id = p_tenant and status = 'OFFBOARDING') then
        raise exception 'tenant % is not being offboarded', p_tenant;
    end if;
    if not exists (select 1 from tenant_offboarding o where o.tenant_id = p_tenant and o.bundle_status = 'READY') then
        raise exception 'tenant % has no export bundle ready: the controller gets its data back first', p_tenant;
    end if;
    select array_agg(c.table_name::text order by c.table_name) into remaining
      from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
     where c.table_schema = 'public' and c.column_name = 'tenant_id' and tb.table_type = 'BASE TABLE'
       and c.table_name not in ('tenant_offboarding', 'breach_tenant');
    loop
        exit when remaining is null or cardinality(remaining) = 0;
        progress := false;
        foreach t in array remaining loop
            begin
                execute format('delete from %I where tenant_id = $1', t) using p_tenant;
                get diagnostics n = row_count;
                remaining := array_remove(remaining, t);
                progress := true;
                table_name := t;
                deleted := n;
                return next;
            exception when foreign_key_violation then
                -- a child table still refers to these rows: retried after the others
                null;
            end;
        end loop;
        if not progress then
            raise exception 'cannot delete tenant %: rows of % are still referenced', p_tenant, remaining;
        end if;
    end loop;
end
$$;
revoke all on function privacy_delete_tenant(uuid) from public;
grant execute on function privacy_delete_tenant(uuid) to ${appRole};

-- The impact of a breach per tenant, from the audit log: distinct data subjects and records (reads and changes of
-- personal data) in a time window, optionally by one actor (id or name) or from one source address. Counts only.
create function privacy_breach_impact(p_from timestamptz, p_to timestamptz, p_actor text, p_ip text)
    returns table (tenant_id uuid, subjects bigint, records bigint)
    language sql stable security definer set search_path = public
as $$
    with entries as (
        select e.tenant_id, e.subject_id, e.details from audit_entry e
         where e.occurred_at between p_from and p_to
           and (p_actor is null or e.actor_id = p_actor or e.actor_name = p_actor)
           and (p_ip is null or e.source_ip = p_ip)
        union all
        select p.tenant_id, p.subject_id, p.details from audit_pending p
         where p.occurred_at between p_from and p_to
           and (p_actor is null or p.actor_id = p_actor or p.actor_name = p_actor)
           and (p_ip is null or p.source_ip = p_ip)
    ), hits as (
        select tenant_id, subject_id::text as subject from entries where subject_id is not null
        union all
        -- list reads name the debtors they showed in details.ids
        select e.tenant_id, x.v from entries e
         cross join lateral jsonb_array_elements_text(
               case when e.subject_id is null and e.details is not null and e.details like '{%'
                         and jsonb_typeof(e.details::jsonb -> 'ids') = 'array'
                    then e.details::jsonb -> 'ids' else '[]'::jsonb end) as x(v)
    )
    select tenant_id, count(distinct subject), count(*) from hits
     where tenant_id <> '00000000-0000-0000-0000-000000000000'
     group by tenant_id
$$;
revoke all on function privacy_breach_impact(timestamptz, timestamptz, text, text) from public;
grant execute on function privacy_breach_impact(timestamptz, timestamptz, text, text) to ${appRole};

-- Fiscal retention ended: deletes the invoices (with lines and ledger entries, which the application may not delete)
-- of the current tenant's erased debtors among p_invoices, and erased debtors left without invoices. Each invoice in a
-- savepoint of its own: one still referenced elsewhere (a payment allocation, a letter) is skipped, not fatal.
create function privacy_purge_erased_invoices(p_invoices uuid[]) returns bigint
    language plpgsql volatile security definer set search_path = public
as $$
declare
    t uuid := current_tenant();
    i uuid;
    n bigint := 0;
    d uuid;
begin
    if t is null then
        raise exception 'no tenant';
    end if;
    foreach i in array p_invoices loop
        begin
            if exists (select 1 from invoice v join privacy_erasure e on e.tenant_id = v.tenant_id
                                                                and e.debtor_id = v.debtor_id and e.status = 'COMPLETED'
                        where v.tenant_id = t and v.id = i) then
                delete from ledger_entry where tenant_id = t and invoice_id = i;
                delete from invoice_line where tenant_id = t and invoice_id = i;
                delete from invoice where tenant_id = t and id = i;
                n := n + 1;
            end if;
        exception when foreign_key_violation then
            null;
        end;
    end loop;
    for d in select e.debtor_id from privacy_erasure e
              where e.tenant_id = t and e.status = 'COMPLETED'
                and exists (select 1 from debtor x where x.tenant_id = t and x.id = e.debtor_id)
                and not exists (select 1 from invoice v where v.tenant_id = t and v.debtor_id = e.debtor_id) loop
        begin
            delete from debtor where tenant_id = t and id = d;
        exception when foreign_key_violation then
            null;
        end;
    end loop;
    return n;
end
$$;
revoke all on function privacy_purge_erased_invoices(uuid[]) from public;
grant execute on function privacy_purge_erased_invoices(uuid[]) to ${appRole};
