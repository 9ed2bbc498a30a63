-- Collection: amicable collection cases (one open case per debtor grouping its overdue claims), their stage history,
-- the dunning requests that opened or extended them (idempotency), tenant settings (WKI, hand-off), hand-offs to a
-- bailiff or agency and the agency's callbacks (idempotency).

create table collection_settings (
    tenant_id                  uuid not null primary key,
    -- the platform collects for third parties: Wet kwaliteit incassodienstverlening applies (dossier, retention)
    collects_for_third_parties boolean not null default false,
    -- the stage after which a case is handed off without approval; null: a collector must approve each hand-off
    auto_handoff_stage         text,
    stage_interval_days        int not null default 14 check (stage_interval_days between 1 and 365),
    dossier_retention_years    int not null default 2 check (dossier_retention_years >= 2),
    agency                     text not null default 'file-drop',
    -- HMAC key of the agency's callbacks (a credential, not personal data), encrypted under the tenant's key
    agency_secret              bytea,
    updated_at                 timestamptz not null default now()
);
select enable_tenant_isolation('collection_settings');

create table collection_case (
    tenant_id        uuid not null,
    id               uuid not null,
    reference        text not null,
    debtor_id        uuid not null,
    status           text not null check (status in ('OPEN', 'HANDED_OFF', 'CLOSED')),
    stage            text not null check (stage in ('NEW', 'REMINDER', 'SECOND_REMINDER', 'NOTICE_OF_DEFAULT',
                                                    'READY_FOR_BAILIFF', 'PRE_COURT', 'BAILIFF')),
    stage_since      date not null,
    next_stage_on    date,
    handoff_approval text check (handoff_approval in ('REQUESTED', 'APPROVED')),
    handoff_requested_by text,
    wki              boolean not null,
    opened_at        timestamptz not null default now(),
    closed_at        timestamptz,
    close_reason     text,
    -- WKI: the dossier is kept at least two years after closing
    retain_until     date,
    primary key (tenant_id, id)
);
create unique index collection_case_reference on collection_case (tenant_id, reference);
-- one open case per debtor: a second request for the debtor extends the open one
create unique index collection_case_open_debtor on collection_case (tenant_id, debtor_id) where status <> 'CLOSED';
create index collection_case_due on collection_case (tenant_id, next_stage_on) where status = 'OPEN';
create index collection_case_debtor on collection_case (tenant_id, debtor_id);
select enable_tenant_isolation('collection_case');

create table collection_case_invoice (
    tenant_id  uuid not null,
    case_id    uuid not null,
    invoice_id uuid not null,
    added_at   timestamptz not null default now(),
    primary key (tenant_id, case_id, invoice_id),
    foreign key (tenant_id, case_id) references collection_case (tenant_id, id) on delete cascade
);
create index collection_case_invoice_invoice on collection_case_invoice (tenant_id, invoice_id);
select enable_tenant_isolation('collection_case_invoice');

-- Each stage is entered once per case (the primary key): two nodes advancing the same case cannot both succeed.
create table collection_case_stage (
    tenant_id  uuid not null,
    case_id    uuid not null,
    stage      text not null,
    seq        int not null,
    entered_on date not null,
    trigger    text not null check (trigger in ('OPENED', 'SCHEDULED', 'MANUAL')),
    actor      text not null,
    message_id uuid,
    costs      numeric(15, 2) not null default 0,
    interest   numeric(15, 2) not null default 0,
    note       text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, case_id, stage),
    foreign key (tenant_id, case_id) references collection_case (tenant_id, id) on delete cascade
);
select enable_tenant_isolation('collection_case_stage');

-- Dunning's requests already handled: the event is delivered at least once.
create table collection_case_request (
    tenant_id  uuid not null,
    debtor_id  uuid not null,
    step_id    text not null,
    case_id    uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, debtor_id, step_id)
);
select enable_tenant_isolation('collection_case_request');

create table collection_handoff (
    tenant_id     uuid not null,
    id            uuid not null,
    case_id       uuid not null,
    agency        text not null,
    status        text not null check (status in ('SENT', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SETTLED', 'RETURNED',
                                                  'FAILED')),
    requested_by  text not null,
    approved_by   text,
    external_ref  text,
    dossier_path  text,
    dossier_sha256 text,
    collected     numeric(15, 2) not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references collection_case (tenant_id, id) on delete cascade
);
create unique index collection_handoff_case on collection_handoff (tenant_id, case_id);
select enable_tenant_isolation('collection_handoff');

-- The agency's callbacks, once each (its event id): a repeated callback changes nothing.
create table collection_agency_event (
    tenant_id   uuid not null,
    handoff_id  uuid not null,
    event_id    text not null,
    kind        text not null,
    amount      numeric(15, 2),
    outcome     text not null,
    received_at timestamptz not null default now(),
    primary key (tenant_id, handoff_id, event_id)
);
select enable_tenant_isolation('collection_agency_event');

-- An agency's callback arrives before a tenant is known: this reveals one tenant id for one hand-off id.
create function collection_handoff_tenant(p_id uuid) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from collection_handoff where id = p_id $$;
revoke all on function collection_handoff_tenant(uuid) from public;
grant execute on function collection_handoff_tenant(uuid) to ${appRole};
