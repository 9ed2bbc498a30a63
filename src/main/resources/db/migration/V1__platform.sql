-- Platform foundation: tenants, identities, audit chain, encryption keys, idempotency, jobs.
--
-- Tenant isolation is enforced by PostgreSQL itself. Every tenant table carries tenant_id, leading its primary key
-- and its indexes, and a row-level-security policy that compares it to the per-transaction setting app.tenant_id
-- (set with set_config(..., is_local => true), i.e. SET LOCAL, by the application's transaction manager).
-- The application connects as ${appRole}: not the tables' owner, not a superuser, so it is subject to the policies.
-- A query that forgets its tenant filter, or runs outside a tenant transaction, sees no tenant rows at all.

create function current_tenant() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Called by later migrations for every tenant table.
create function enable_tenant_isolation(t regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', t);
    execute format('create policy tenant_isolation on %s using (tenant_id = current_tenant()) '
                   'with check (tenant_id = current_tenant())', t);
end
$$;
revoke all on function enable_tenant_isolation(regclass) from public;

grant usage on schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};

-- Platform table (no debtor data): managed by the platform operator.
create table tenant (
    id               uuid primary key,
    slug             text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text not null,
    status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'OFFBOARDING', 'DELETED')),
    country          text not null default 'NL',
    default_language text not null default 'nl',
    created_at       timestamptz not null default now()
);

-- Platform operators manage tenants. They belong to no tenant, so row-level security shows them no tenant data.
create table platform_operator (
    id              uuid primary key,
    username        text not null,
    display_name    text not null,
    password_hash   text not null,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz not null default now()
);
create unique index platform_operator_username on platform_operator (lower(username));

-- Console users of a tenant. The login name is unique across the platform (one login, one tenant), which is why its
-- unique index cannot lead with tenant_id; the login lookup goes through auth_find_login() below.
create table app_user (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    username        text not null,
    display_name    text not null,
    password_hash   text not null,
    roles           text[] not null,
    active          boolean not null default true,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index app_user_username on app_user (lower(username));
select enable_tenant_isolation('app_user');

-- Machine clients. Only a SHA-256 of the key is stored: keys are 256-bit random, so a fast hash is enough.
create table api_key (
    tenant_id    uuid not null references tenant (id),
    id           uuid not null,
    name         text not null,
    prefix       text not null,
    key_hash     bytea not null,
    scopes       text[] not null,
    created_at   timestamptz not null default now(),
    created_by   text,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    primary key (tenant_id, id)
);
create unique index api_key_hash on api_key (key_hash);
select enable_tenant_isolation('api_key');

-- Authentication happens before a tenant is known: these functions run as the owner (security definer) and reveal
-- exactly one identity by its login name or key hash, never a listing.
create function auth_find_login(p_username text)
    returns table (kind text, tenant_id uuid, user_id uuid, username text, display_name text, password_hash text,
                   roles text[], locked_until timestamptz, tenant_status text)
    language sql stable security definer set search_path = public
as $$
    select 'USER', u.tenant_id, u.id, u.username, u.display_name, u.password_hash, u.roles, u.locked_until, t.status
      from app_user u join tenant t on t.id = u.tenant_id
     where lower(u.username) = lower(p_username) and u.active
    union all
    select 'OPERATOR', null, o.id, o.username, o.display_name, o.password_hash, array['OPERATOR'], o.locked_until, 'ACTIVE'
      from platform_operator o
     where lower(o.username) = lower(p_username)
$$;

-- Counts a failed attempt; after p_max failures in a row the login is locked until p_lock_until.
create function auth_login_failed(p_username text, p_max int, p_lock_until timestamptz) returns void
    language sql volatile security definer set search_path = public
as $$
    update app_user set failed_attempts = failed_attempts + 1,
                        locked_until = case when failed_attempts + 1 >= p_max then p_lock_until else locked_until end
     where lower(username) = lower(p_username);
    update platform_operator set failed_attempts = failed_attempts + 1,
                        locked_until = case when failed_attempts + 1 >= p_max then p_lock_until else locked_until end
     where lower(username) = lower(p_username);
$$;

create function auth_login_succeeded(p_username text) returns void
    language sql volatile security definer set search_path = public
as $$
    update app_user set failed_attempts = 0, locked_until = null, last_login_at = now()
     where lower(username) = lower(p_username);
    update platform_operator set failed_attempts = 0, locked_until = null, last_login_at = now()
     where lower(username) = lower(p_username);
$$;

create function auth_find_api_key(p_hash bytea)
    returns table (tenant_id uuid, key_id uuid, name text, scopes text[], revoked_at timestamptz, tenant_status text)
    language sql stable security definer set search_path = public
as $$
    select k.tenant_id, k.id, k.name, k.scopes, k.revoked_at, t.status
      from api_key k join tenant t on t.id = k.tenant_id
     where k.key_hash = p_hash
$$;

create function auth_touch_api_key(p_hash bytea) returns void
    language sql volatile security definer set search_path = public
as $$ update api_key set last_used_at = now() where key_hash = p_hash $$;

revoke all on function auth_find_login(text), auth_login_failed(text, int, timestamptz), auth_login_succeeded(text),
    auth_find_api_key(bytea), auth_touch_api_key(bytea) from public;
grant execute on function auth_find_login(text), auth_login_failed(text, int, timestamptz), auth_login_succeeded(text),
    auth_find_api_key(bytea), auth_touch_api_key(bytea) to ${appRole};

-- Audit log: append-only and hash-chained per tenant. Each sealed entry's hash covers the previous entry's hash and
-- the entry's own canonical content, so editing, deleting or reordering any entry breaks verification from there on.
-- Writers never wait for each other: a business transaction inserts its entries into audit_pending (insert-only for
-- the application), and the sealer moves them, in order, into the chain under the tenant's head-row lock, within
-- seconds. Platform events (operator actions) form their own chain under the all-zero tenant id.
create table audit_pending (
    tenant_id   uuid not null,
    id          bigint generated always as identity,
    occurred_at timestamptz not null,
    actor_type  text not null,
    actor_id    text,
    actor_name  text,
    action      text not null,
    object_type text,
    object_id   text,
    subject_id  uuid,
    source_ip   text,
    purpose     text,
    details     text,
    primary key (tenant_id, id)
);
select enable_tenant_isolation('audit_pending');
revoke update, truncate on audit_pending from ${appRole};

create table audit_entry (
    tenant_id   uuid not null,
    seq         bigint not null,
    occurred_at timestamptz not null,
    actor_type  text not null,
    actor_id    text,
    actor_name  text,
    action      text not null,
    object_type text,
    object_id   text,
    subject_id  uuid,
    source_ip   text,
    purpose     text,
    details     text,
    prev_hash   bytea not null,
    hash        bytea not null,
    primary key (tenant_id, seq)
);
create index audit_entry_subject on audit_entry (tenant_id, subject_id, seq) where subject_id is not null;
create index audit_entry_time on audit_entry (tenant_id, occurred_at);
select enable_tenant_isolation('audit_entry');
revoke update, delete, truncate on audit_entry from ${appRole};

create table audit_chain_head (
    tenant_id uuid primary key,
    seq       bigint not null,
    hash      bytea not null
);
select enable_tenant_isolation('audit_chain_head');
revoke delete, truncate on audit_chain_head from ${appRole};

-- Which tenants have entries waiting for the sealer (ids only; for the periodic sealing job).
create function audit_tenants_pending() returns setof uuid
    language sql stable security definer set search_path = public
as $$ select distinct tenant_id from audit_pending $$;
revoke all on function audit_tenants_pending() from public;
grant execute on function audit_tenants_pending() to ${appRole};

-- Envelope encryption of personal data: a Tink keyset per tenant, wrapped by the master key from configuration;
-- a keyset per data subject (debtor), wrapped by the tenant keyset. Destroying a subject's key crypto-shreds every
-- ciphertext of that person, in the live database and in every backup taken since.
-- A tenant key version holds an AEAD keyset (wraps subject keys) and a PRF keyset (keyed blind indexes for exact
-- search on e-mail, IBAN, phone); the PRF key is carried over unchanged on rotation so that indexes stay valid.
create table tenant_key (
    tenant_id    uuid not null references tenant (id),
    version      int not null,
    wrapped_aead bytea not null,
    wrapped_prf  bytea not null,
    is_primary   boolean not null default true,
    created_at   timestamptz not null default now(),
    rewrapped_at timestamptz,
    primary key (tenant_id, version)
);
select enable_tenant_isolation('tenant_key');

create table subject_key (
    tenant_id          uuid not null,
    subject_id         uuid not null,
    tenant_key_version int not null,
    wrapped_keyset     bytea,
    created_at         timestamptz not null default now(),
    destroyed_at       timestamptz,
    primary key (tenant_id, subject_id),
    check ((wrapped_keyset is null) = (destroyed_at is not null))
);
select enable_tenant_isolation('subject_key');

-- Idempotency-Key: the first successful response is stored in the same transaction as the work it reports.
create table idempotency_record (
    tenant_id     uuid not null,
    idem_key      text not null,
    request_hash  bytea not null,
    method        text not null,
    path          text not null,
    status        int,
    content_type  text,
    body          bytea,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, idem_key)
);
create index idempotency_record_created on idempotency_record (tenant_id, created_at);
select enable_tenant_isolation('idempotency_record');

-- db-scheduler: cluster-safe jobs across any number of nodes (platform table).
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Spring Modulith's event publication registry (events carry ids, never personal data).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
