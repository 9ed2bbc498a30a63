-- Dunning: versioned flows per tenant, assignment rules, pauses, daily runs, the actions they take (at most one per
-- item and step, ever), the 14-day letters with their evidence, the collectors' call list, tenant settings, and the
-- operator-maintained table of statutory interest rates.

create table dunning_flow (
    tenant_id      uuid not null,
    id             uuid not null,
    flow_key       text not null check (flow_key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name           text not null,
    active_version int,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index dunning_flow_key on dunning_flow (tenant_id, flow_key);
select enable_tenant_isolation('dunning_flow');

-- Every save is a new version; the definition is kept as given (JSON), and its steps in queryable form below.
create table dunning_flow_version (
    tenant_id  uuid not null,
    flow_id    uuid not null,
    version    int not null,
    definition jsonb not null,
    comment    text,
    created_at timestamptz not null default now(),
    created_by text,
    primary key (tenant_id, flow_id, version),
    foreign key (tenant_id, flow_id) references dunning_flow (tenant_id, id)
);
select enable_tenant_isolation('dunning_flow_version');

-- The steps of each version, one row each, so the daily run can join them to the open invoices in SQL.
create table dunning_flow_step (
    tenant_id               uuid not null,
    flow_id                 uuid not null,
    version                 int not null,
    seq                     int not null,
    step_key                text not null,
    label                   text not null,
    offset_days             int not null,
    min_days_after_previous int not null default 0,
    mandatory               boolean not null default false,
    legal_notice            boolean not null default false,
    debtor_type             text,
    min_amount              numeric(15, 2),
    max_amount              numeric(15, 2),
    min_days_overdue        int,
    max_days_overdue        int,
    languages               text[],
    tags_any                text[],
    tags_none               text[],
    score_bands             text[],
    letter_deadline_passed  boolean not null default false,
    actions                 jsonb not null,
    primary key (tenant_id, flow_id, version, seq),
    foreign key (tenant_id, flow_id, version) references dunning_flow_version (tenant_id, flow_id, version)
);
create unique index dunning_flow_step_key on dunning_flow_step (tenant_id, flow_id, version, step_key);
select enable_tenant_isolation('dunning_flow_step');

-- Which flow a debtor follows: the first matching rule by priority, else the tenant's default; a debtor override wins.
create table dunning_assignment_rule (
    tenant_id   uuid not null,
    id          uuid not null,
    priority    int not null,
    debtor_type text check (debtor_type in ('CONSUMER', 'BUSINESS')),
    tag         text,
    flow_id     uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, flow_id) references dunning_flow (tenant_id, id)
);
select enable_tenant_isolation('dunning_assignment_rule');

create table dunning_debtor_flow (
    tenant_id uuid not null,
    debtor_id uuid not null,
    flow_id   uuid not null,
    set_by    text,
    set_at    timestamptz not null default now(),
    primary key (tenant_id, debtor_id),
    foreign key (tenant_id, flow_id) references dunning_flow (tenant_id, id)
);
select enable_tenant_isolation('dunning_debtor_flow');

create table dunning_settings (
    tenant_id       uuid primary key,
    default_flow_id uuid,
    settings        jsonb not null,
    updated_at      timestamptz not null default now()
);
select enable_tenant_isolation('dunning_settings');

-- A pause of an invoice, a debtor or a case (its invoices), with reason and optional last day; ended_at when lifted.
create table dunning_pause (
    tenant_id   uuid not null,
    id          uuid not null,
    scope       text not null check (scope in ('INVOICE', 'DEBTOR', 'CASE')),
    target_id   uuid not null,
    invoice_ids uuid[],
    reason      text not null,
    note        text,
    source      text not null default 'MANUAL',
    starts_on   date not null,
    ends_on     date,
    created_at  timestamptz not null default now(),
    created_by  text,
    ended_at    timestamptz,
    ended_by    text,
    primary key (tenant_id, id)
);
create index dunning_pause_target on dunning_pause (tenant_id, target_id) where ended_at is null;
select enable_tenant_isolation('dunning_pause');

create table dunning_run (
    tenant_id   uuid not null,
    id          uuid not null,
    run_date    date not null,
    trigger     text not null,
    status      text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    node        text,
    started_at  timestamptz not null default now(),
    planned_at  timestamptz,
    finished_at timestamptz,
    evaluated   int not null default 0,
    planned     int not null default 0,
    skipped     int not null default 0,
    paused      int not null default 0,
    restricted  int not null default 0,
    executed    int not null default 0,
    messages    int not null default 0,
    problems    int not null default 0,
    error       text,
    primary key (tenant_id, id)
);
create index dunning_run_date on dunning_run (tenant_id, started_at desc);
select enable_tenant_isolation('dunning_run');

-- What dunning did or will do for one item (invoice or instalment) at one step. The unique index is the backstop of
-- "at most one action per item and step, ever": two runs, two nodes, a crashed and restarted run all meet it.
create table dunning_action (
    tenant_id     uuid not null,
    id            uuid not null,
    item_id       uuid not null,
    item_kind     text not null check (item_kind in ('INVOICE', 'INSTALMENT')),
    invoice_id    uuid,
    debtor_id     uuid not null,
    flow_id       uuid not null,
    flow_version  int not null,
    step_key      text not null,
    step_seq      int not null,
    action_date   date not null,
    status        text not null check (status in ('PLANNED', 'DONE', 'SKIPPED', 'FAILED')),
    reason        text,
    run_id        uuid,
    executed_at   timestamptz,
    executed_run  uuid,
    message_ids   uuid[],
    outcome       text,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index dunning_action_once on dunning_action (tenant_id, item_id, flow_id, step_key);
create index dunning_action_planned on dunning_action (tenant_id, debtor_id) where status = 'PLANNED';
create index dunning_action_invoice on dunning_action (tenant_id, invoice_id);
create index dunning_action_debtor on dunning_action (tenant_id, debtor_id, action_date);
create index dunning_action_run on dunning_action (tenant_id, run_id);
select enable_tenant_isolation('dunning_action');

-- A 14-day letter (art. 6:96 lid 6 BW) as sent, with its evidence: what it stated, how it went, when it is assumed
-- delivered and when the term ends, the legal assessment, and the PDF (encrypted under the debtor's key).
create table dunning_letter (
    tenant_id        uuid not null,
    id               uuid not null,
    debtor_id        uuid not null,
    action_date      date not null,
    message_id       uuid not null,
    channel          text not null check (channel in ('EMAIL', 'POST')),
    status           text not null check (status in ('PENDING', 'SENT', 'FAILED')),
    debtor_type      text not null,
    principal        numeric(15, 2) not null,
    stated_costs     numeric(15, 2) not null,
    costs_excl_vat   numeric(15, 2) not null,
    vat              numeric(15, 2) not null,
    vat_declared     boolean not null,
    latest_due_date  date not null,
    term_days        int not null,
    sent_at          timestamptz,
    assumed_delivery date,
    deadline         date,
    delivery_rule    text,
    valid            boolean,
    assessment       text,
    pdf              bytea,
    pdf_sha256       bytea,
    created_at       timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index dunning_letter_message on dunning_letter (tenant_id, message_id);
create index dunning_letter_debtor on dunning_letter (tenant_id, debtor_id);
select enable_tenant_isolation('dunning_letter');

create table dunning_letter_invoice (
    tenant_id  uuid not null,
    letter_id  uuid not null,
    invoice_id uuid not null,
    principal  numeric(15, 2) not null,
    primary key (tenant_id, letter_id, invoice_id),
    foreign key (tenant_id, letter_id) references dunning_letter (tenant_id, id)
);
create index dunning_letter_invoice_invoice on dunning_letter_invoice (tenant_id, invoice_id);
select enable_tenant_isolation('dunning_letter_invoice');

-- The collectors' worklist: call the debtor about these invoices.
create table dunning_call_task (
    tenant_id    uuid not null,
    id           uuid not null,
    debtor_id    uuid not null,
    run_date     date not null,
    step_key     text not null,
    invoice_ids  uuid[] not null,
    status       text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    outcome      text,
    note         bytea,
    created_at   timestamptz not null default now(),
    completed_at timestamptz,
    completed_by text,
    primary key (tenant_id, id)
);
create unique index dunning_call_task_once on dunning_call_task (tenant_id, debtor_id, run_date, step_key);
create index dunning_call_task_open on dunning_call_task (tenant_id, created_at) where status = 'OPEN';
select enable_tenant_isolation('dunning_call_task');

-- Platform table: the statutory interest rates (art. 6:119 / 6:119a BW), maintained by the platform operator. Seeded
-- from the law module's table on first start; the law module stays pure and is handed these rows.
create table statutory_interest_rate (
    kind           text not null check (kind in ('CONSUMER', 'COMMERCIAL')),
    effective_from date not null,
    percent        numeric(6, 3) not null check (percent >= 0 and percent <= 100),
    uncertain      boolean not null default false,
    note           text not null default '',
    updated_at     timestamptz not null default now(),
    updated_by     text,
    primary key (kind, effective_from)
);
