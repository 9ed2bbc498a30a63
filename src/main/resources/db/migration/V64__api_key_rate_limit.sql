-- Per-key API rate limit (requests per second; null = the platform default), checked on every authenticated call.
alter table api_key add column rate_limit_per_second int check (rate_limit_per_second between 1 and 1000000);

drop function auth_find_api_key(bytea);
create function auth_find_api_key(p_hash bytea)
    returns table (tenant_id uuid, key_id uuid, name text, scopes text[], revoked_at timestamptz, tenant_status text,
                   rate_limit_per_second int)
    language sql stable security definer set search_path = public
as $$
    select k.tenant_id, k.id, k.name, k.scopes, k.revoked_at, t.status, k.rate_limit_per_second
      from api_key k join tenant t on t.id = k.tenant_id
     where k.key_hash = p_hash
$$;
revoke all on function auth_find_api_key(bytea) from public;
grant execute on function auth_find_api_key(bytea) to ${appRole};
