-- Planner statistics during bulk work. A table shared by all tenants is analyzed by autovacuum when about a tenth of
-- it changed, so a tenant that writes 50,000 rows into a table of 1,000,000 (a first import, a dunning run of a new
-- tenant) stays invisible to the planner: its tenant_id is not among the column's common values, the tenant's rows
-- are estimated at almost none, and lookups such as the foreign-key checks then take an index that reads all of the
-- tenant's rows per check (measured: dunning and import slowing with every batch). The application role may not
-- ANALYZE tables it does not own, so these two functions do it for tenant tables only. SKIP_LOCKED: a table another
-- session is analyzing is left alone rather than waited for.

-- Analyze the given tenant tables now. Inside a transaction that inserted rows, ANALYZE counts that transaction's own
-- rows (so a long import can refresh statistics part-way); the table's ANALYZE lock is held until that transaction
-- ends, which only makes other ANALYZEs of the table skip or wait, never reads or writes.
create function refresh_planner_statistics(tables text[]) returns int
    language plpgsql volatile security definer set search_path = public as $$
declare
    t text;
    n int := 0;
begin
    foreach t in array tables loop
        if not exists (select 1 from pg_attribute a join pg_class c on c.oid = a.attrelid
                        where c.relnamespace = 'public'::regnamespace and c.relname = t and c.relkind = 'r'
                          and a.attname = 'tenant_id' and not a.attisdropped) then
            raise exception 'not a tenant table: %', t using errcode = '22023';
        end if;
        execute format('analyze (skip_locked) public.%I', t);
        n := n + 1;
    end loop;
    return n;
end $$;

-- Analyze the tenant tables with at least min_changes rows written since their last analysis (committed changes, as
-- counted by the statistics system); returns their names.
create function refresh_stale_planner_statistics(min_changes bigint) returns text[]
    language plpgsql volatile security definer set search_path = public as $$
declare
    t text;
    done text[] := '{}';
begin
    for t in select s.relname from pg_stat_user_tables s
              where s.schemaname = 'public' and s.n_mod_since_analyze >= greatest(min_changes, 1)
                and exists (select 1 from pg_attribute a where a.attrelid = s.relid and a.attname = 'tenant_id'
                                                            and not a.attisdropped)
              order by s.relname loop
        execute format('analyze (skip_locked) public.%I', t);
        done := done || t;
    end loop;
    return done;
end $$;

revoke all on function refresh_planner_statistics(text[]), refresh_stale_planner_statistics(bigint) from public;
grant execute on function refresh_planner_statistics(text[]), refresh_stale_planner_statistics(bigint) to ${appRole};
