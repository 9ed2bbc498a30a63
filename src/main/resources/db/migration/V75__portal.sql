-- Debtor portal: short access codes for letter and SMS recipients, the tenant's portal branding and rules, and the
-- message thread between a debtor and the tenant.

-- A short code printed on a letter or SMS. Only its SHA-256 is stored: the code is a credential (used together with
-- a second factor). The code is derived from the tenant's key, the debtor and the month it was issued in, so every
-- message of that month prints the same code and issuing it again inserts nothing.
create table portal_access_code (
    tenant_id  uuid not null,
    code_hash  bytea not null check (length(code_hash) = 32),
    debtor_id  uuid not null,
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null,
    primary key (tenant_id, code_hash),
    foreign key (tenant_id, debtor_id) references debtor (tenant_id, id)
);
-- the sign-in looks a code up before the tenant is known (portal_find_code below), like an API key hash
create unique index portal_access_code_hash on portal_access_code (code_hash);
create index portal_access_code_debtor on portal_access_code (tenant_id, debtor_id);
select enable_tenant_isolation('portal_access_code');

create function portal_find_code(p_hash bytea)
    returns table (tenant_id uuid, debtor_id uuid, expires_at timestamptz, tenant_status text)
    language sql stable security definer set search_path = public
as $$
    select c.tenant_id, c.debtor_id, c.expires_at, t.status
      from portal_access_code c join tenant t on t.id = c.tenant_id
     where c.code_hash = p_hash
$$;
revoke all on function portal_find_code(bytea) from public;
grant execute on function portal_find_code(bytea) to ${appRole};

-- How the portal looks and what a debtor may arrange without a person: one row per tenant (defaults when absent).
create table portal_settings (
    tenant_id             uuid not null,
    display_name          text check (length(display_name) <= 100),
    brand_colour          text not null default '#1f4e79' check (brand_colour ~ '^#[0-9a-f]{6}$'),
    brand_text_colour     text not null default '#ffffff' check (brand_text_colour ~ '^#[0-9a-f]{6}$'),
    texts                 jsonb not null default '{}'::jsonb,
    logo                  bytea check (length(logo) <= 262144),
    logo_type             text check (logo_type in ('image/png', 'image/jpeg')),
    plan_max_instalments  int not null default 12 check (plan_max_instalments between 1 and 60),
    plan_auto_instalments int not null default 6 check (plan_auto_instalments between 0 and 60),
    plan_min_instalment   numeric(15, 2) not null default 25.00 check (plan_min_instalment >= 0),
    plan_max_first_days   int not null default 30 check (plan_max_first_days between 0 and 365),
    updated_at            timestamptz not null default now(),
    updated_by            text,
    primary key (tenant_id)
);
select enable_tenant_isolation('portal_settings');

-- Messages between a debtor and the tenant. The body is free text about a person: stored only encrypted under the
-- debtor's key (so erasure shreds it).
create table portal_message (
    tenant_id  uuid not null,
    id         uuid not null,
    debtor_id  uuid not null,
    sender     text not null check (sender in ('DEBTOR', 'TENANT')),
    author     text,
    body       bytea not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, debtor_id) references debtor (tenant_id, id)
);
create index portal_message_debtor on portal_message (tenant_id, debtor_id, created_at);
create index portal_message_unread on portal_message (tenant_id, created_at) where sender = 'DEBTOR' and read_at is null;
select enable_tenant_isolation('portal_message');
