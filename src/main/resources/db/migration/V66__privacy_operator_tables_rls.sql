-- The operator's records about tenants (breach impact per tenant, tenant offboarding) carry tenant_id but belong to
-- the platform operator, who works in no tenant or in the platform context (TenantContext.PLATFORM, the all-zero id):
-- they cannot use the tenant policy alone. Row-level security still keeps tenants apart: inside a tenant's
-- transaction only that tenant's rows are visible; the operator sees every row.
create function is_platform_context() returns boolean
    language sql stable parallel safe
as $$ select current_tenant() is null or current_tenant() = '00000000-0000-0000-0000-000000000000'::uuid $$;

alter table breach_tenant enable row level security;
create policy operator_or_own_tenant on breach_tenant
    using (is_platform_context() or tenant_id = current_tenant())
    with check (is_platform_context() or tenant_id = current_tenant());

alter table tenant_offboarding enable row level security;
create policy operator_or_own_tenant on tenant_offboarding
    using (is_platform_context() or tenant_id = current_tenant())
    with check (is_platform_context() or tenant_id = current_tenant());
