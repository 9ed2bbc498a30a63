-- Data-subject rights on the tenant's (the controller's) instruction: the request register with its deadlines,
-- rectification history, "contested by the data subject" markers, legal holds that limit erasure, erasures with their
-- certificates, and the tenant's privacy settings (purposes, residency, promised answer time).
--
-- Free text about a person (a request note, the subject's statement, a rectification's reason, previous values) is
-- stored only encrypted under that person's key (subject_id): erasing them crypto-shreds it here too. What stays in
-- clear is what a register needs: types, statuses, dates, field names, counts.

-- What the tenant processes personal data for and where it may go. One row per tenant, created on first use.
create table privacy_settings (
    tenant_id              uuid primary key references tenant (id),
    purposes               text[] not null default '{COLLECTION,SCORING,CREDIT_LIMITS}',
    cross_tenant_opt_in    boolean not null default false,
    residency              text not null default 'EEA' check (residency in ('EEA', 'ANY')),
    promised_working_days  int not null default 5 check (promised_working_days between 1 and 30),
    controller_contact     text,
    updated_at             timestamptz not null default now(),
    updated_by             text
);
select enable_tenant_isolation('privacy_settings');

-- The request register (art. 12 GDPR): every request with its two deadlines, the tenant's promise in Dutch working
-- days and the legal month (extendable by two months with reasons), its status and outcome.
create table privacy_request (
    tenant_id        uuid not null references tenant (id),
    id               uuid not null,
    debtor_id        uuid,
    subject_id       uuid not null,
    type             text not null check (type in ('ACCESS', 'RECTIFICATION', 'RESTRICTION', 'OBJECTION', 'ERASURE')),
    status           text not null default 'RECEIVED'
                     check (status in ('RECEIVED', 'IN_PROGRESS', 'EXTENDED', 'COMPLETED', 'REJECTED')),
    channel          text not null default 'EMAIL' check (channel in ('EMAIL', 'LETTER', 'PHONE', 'PORTAL', 'API', 'OTHER')),
    received_on      date not null,
    promised_due     date not null,
    legal_due        date not null,
    extended_due     date,
    extension_reason text,
    note             bytea,
    outcome          text,
    result_ref       text,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    completed_at     timestamptz,
    completed_by     text,
    primary key (tenant_id, id)
);
create index privacy_request_open on privacy_request (tenant_id, legal_due) where status not in ('COMPLETED', 'REJECTED');
create index privacy_request_debtor on privacy_request (tenant_id, debtor_id, received_on);
create index privacy_request_received on privacy_request (tenant_id, received_on desc, id);
select enable_tenant_isolation('privacy_request');

-- The data subject considers a piece of their data incorrect and the controller has not (yet) agreed: shown wherever
-- that data is shown until resolved (rectified, or the controller keeps it and says why).
create table privacy_contest (
    tenant_id     uuid not null references tenant (id),
    id            uuid not null,
    debtor_id     uuid not null,
    section       text not null,
    field         text not null,
    statement     bytea,
    request_id    uuid,
    contested_at  timestamptz not null default now(),
    contested_by  text not null,
    resolved_at   timestamptz,
    resolved_by   text,
    resolution    text check (resolution in ('RECTIFIED', 'UPHELD', 'WITHDRAWN')),
    primary key (tenant_id, id)
);
create index privacy_contest_debtor on privacy_contest (tenant_id, debtor_id) where resolved_at is null;
select enable_tenant_isolation('privacy_contest');

-- Rectification history: what changed (field names in clear), the previous values and the reason (encrypted under the
-- subject's key), who and when.
create table privacy_rectification (
    tenant_id     uuid not null references tenant (id),
    id            uuid not null,
    debtor_id     uuid not null,
    section       text not null,
    fields        text[] not null,
    previous      bytea not null,
    reason        bytea not null,
    request_id    uuid,
    rectified_at  timestamptz not null default now(),
    rectified_by  text not null,
    primary key (tenant_id, id)
);
create index privacy_rectification_debtor on privacy_rectification (tenant_id, debtor_id, rectified_at);
select enable_tenant_isolation('privacy_rectification');

-- A legal reason to keep a debtor's data although erasure is asked (art. 17(3)(e): an open collection case is a legal
-- claim). Placed and released by the module that owns the reason; an erasure waits for the last hold to go.
create table privacy_legal_hold (
    tenant_id    uuid not null references tenant (id),
    debtor_id    uuid not null,
    kind         text not null,
    reference    text not null,
    ground       text not null,
    placed_at    timestamptz not null default now(),
    placed_by    text not null,
    released_at  timestamptz,
    primary key (tenant_id, kind, reference)
);
create index privacy_legal_hold_debtor on privacy_legal_hold (tenant_id, debtor_id) where released_at is null;
select enable_tenant_isolation('privacy_legal_hold');

-- Erasures and their certificates. The certificate is JSON without personal data (ids, sections, counts, legal
-- grounds, who and when), hashed so a printed copy can be checked. PENDING_HOLD: minimised now, completed (key
-- shredded) automatically when the last legal hold is released.
create table privacy_erasure (
    tenant_id      uuid not null references tenant (id),
    id             uuid not null,
    debtor_id      uuid not null,
    request_id     uuid,
    status         text not null check (status in ('PENDING_HOLD', 'COMPLETED')),
    reason         text not null check (reason in ('REQUEST', 'RETENTION')),
    erased_at      timestamptz not null,
    erased_by      text not null,
    completed_at   timestamptz,
    certificate    text not null,
    sha256         bytea not null,
    final_certificate text,
    final_sha256   bytea,
    primary key (tenant_id, id)
);
create unique index privacy_erasure_debtor on privacy_erasure (tenant_id, debtor_id);
create index privacy_erasure_erased on privacy_erasure (tenant_id, erased_at desc, id);
select enable_tenant_isolation('privacy_erasure');
