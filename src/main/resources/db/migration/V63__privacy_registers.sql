-- The operator's registers: sub-processors (with region and data categories) and notices of their changes to tenants,
-- personal-data breaches with the affected tenants and the notifications sent to each, and tenant offboarding with
-- its export deadline and deletion certificate. These are platform tables (no row-level security, no debtor data);
-- what a tenant may see of them goes through tenant tables (acknowledgements, breach notifications).

create table sub_processor (
    id              uuid primary key,
    name            text not null,
    service         text not null check (service in ('HOSTING', 'MAIL', 'SMS', 'PRINT', 'PAYMENT', 'BAILIFF', 'BANK',
                                                     'CREDIT_BUREAU', 'OTHER')),
    purpose         text not null,
    country         text not null check (country ~ '^[A-Z]{2}$'),
    in_eea          boolean not null,
    safeguard       text,
    data_categories text[] not null,
    -- the host an outbound integration connects to (smtp.example.com): matches live configuration to this entry
    host            text,
    active_from     date not null,
    active_until    date,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (in_eea or safeguard is not null)
);

create table sub_processor_notice (
    id               uuid primary key,
    sub_processor_id uuid not null references sub_processor (id),
    change           text not null check (change in ('ADDED', 'CHANGED', 'REMOVED')),
    summary          text not null,
    effective_on     date not null,
    published_at     timestamptz not null default now(),
    published_by     text not null
);
create index sub_processor_notice_published on sub_processor_notice (published_at desc);

-- A tenant user read the notice (the banner disappears for the tenant).
create table sub_processor_notice_ack (
    tenant_id       uuid not null references tenant (id),
    notice_id       uuid not null references sub_processor_notice (id),
    acknowledged_at timestamptz not null default now(),
    acknowledged_by text not null,
    primary key (tenant_id, notice_id)
);
select enable_tenant_isolation('sub_processor_notice_ack');

-- Personal-data breaches (art. 33(2): the processor tells each controller without undue delay; every breach is
-- documented). The scope (time window, actor, source address) lets the impact be computed from the audit log.
create table breach (
    id            uuid primary key,
    title         text not null,
    description   text not null,
    detected_at   timestamptz not null,
    window_from   timestamptz not null,
    window_to     timestamptz not null,
    actor_filter  text,
    ip_filter     text,
    status        text not null default 'OPEN' check (status in ('OPEN', 'CONTAINED', 'CLOSED')),
    measures      text,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    check (window_from <= window_to)
);

create table breach_tenant (
    breach_id    uuid not null references breach (id),
    tenant_id    uuid not null references tenant (id),
    subjects     bigint not null,
    records      bigint not null,
    computed_at  timestamptz not null,
    notified_at  timestamptz,
    notified_by  text,
    primary key (breach_id, tenant_id)
);

-- What the tenant sees: the notification, its counts, and when it acknowledged it.
create table breach_notification (
    tenant_id       uuid not null references tenant (id),
    breach_id       uuid not null references breach (id),
    notified_at     timestamptz not null,
    title           text not null,
    description     text not null,
    detected_at     timestamptz not null,
    window_from     timestamptz not null,
    window_to       timestamptz not null,
    subjects        bigint not null,
    records         bigint not null,
    measures        text,
    acknowledged_at timestamptz,
    acknowledged_by text,
    primary key (tenant_id, breach_id)
);
select enable_tenant_isolation('breach_notification');

-- Tenant offboarding: the export bundle due within the promised working days after the contract ends, then deletion
-- of everything and the deletion certificate (kept after the tenant's data is gone; no personal data in it).
create table tenant_offboarding (
    tenant_id            uuid primary key references tenant (id),
    requested_at         timestamptz not null,
    requested_by         text not null,
    contract_end         date not null,
    export_due           date not null,
    bundle_id            uuid,
    bundle_status        text not null default 'NONE' check (bundle_status in ('NONE', 'BUILDING', 'READY', 'FAILED')),
    bundle_ready_at      timestamptz,
    bundle_sha256        bytea,
    bundle_bytes         bigint,
    bundle_key           bytea,
    bundle_manifest      text,
    bundle_error         text,
    bundle_downloaded_at timestamptz,
    deleted_at           timestamptz,
    deleted_by           text,
    deletion_certificate text,
    deletion_sha256      bytea
);
