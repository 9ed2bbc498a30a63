-- Retention schedules per data category and tenant (a category's default applies until the tenant sets its own), and
-- the log of every run of the retention job, dry runs included: what would be or was deleted, counted per category.
create table privacy_retention_rule (
    tenant_id  uuid not null references tenant (id),
    category   text not null,
    days       int not null check (days between 0 and 36500),
    enabled    boolean not null default true,
    updated_at timestamptz not null default now(),
    updated_by text not null,
    primary key (tenant_id, category)
);
select enable_tenant_isolation('privacy_retention_rule');

create table privacy_retention_run (
    tenant_id  uuid not null references tenant (id),
    id         uuid not null,
    started_at timestamptz not null,
    as_of      timestamptz not null,
    dry_run    boolean not null,
    actor      text not null,
    results    text not null,
    primary key (tenant_id, id)
);
create index privacy_retention_run_started on privacy_retention_run (tenant_id, started_at desc);
select enable_tenant_isolation('privacy_retention_run');
