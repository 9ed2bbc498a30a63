-- Acceptance: real-time credit checks, the identities they are about, open orders (reservations) against credit
-- limits, versioned policies, the review queue and limit-monitoring alerts.

-- Policy versions per tenant (JSON document, see acceptance.policy.PolicyDocument). Exactly one ACTIVE version; a
-- version is never edited once activated (a change is a new version), so every check names the rules it ran under.
create table credit_policy (
    tenant_id    uuid not null references tenant (id),
    version      int not null,
    status       text not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    document     jsonb not null,
    note         text,
    created_at   timestamptz not null default now(),
    created_by   text,
    activated_at timestamptz,
    activated_by text,
    primary key (tenant_id, version)
);
create unique index credit_policy_active on credit_policy (tenant_id) where status = 'ACTIVE';
select enable_tenant_isolation('credit_policy');

-- The person or company a check is about, known by a keyed digest of its natural identity (last name, first initial
-- and date of birth; or the Chamber of Commerce number). Its row is the per-identity lock that serialises checks
-- (no over-crediting), and it carries the identity's own data-subject key id: checks about someone who is not (yet)
-- a debtor are encrypted under it, so erasure can crypto-shred them.
create table credit_identity (
    tenant_id           uuid not null references tenant (id),
    id                  uuid not null,
    kind                text not null check (kind in ('PERSON', 'COMPANY')),
    identity_key        bytea not null,
    subject_id          uuid not null,
    manual_limit        numeric(15, 2) check (manual_limit >= 0),
    manual_limit_reason text,
    manual_limit_by     text,
    manual_limit_at     timestamptz,
    policy_limit        numeric(15, 2),
    limit_source        text,
    limit_at            timestamptz,
    external_digest     bytea,
    external_summary    jsonb,
    external_checked_at timestamptz,
    last_check_at       timestamptz not null,
    check_count         int not null default 0,
    created_at          timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index credit_identity_key on credit_identity (tenant_id, identity_key);
create index credit_identity_last_check on credit_identity (tenant_id, last_check_at);
select enable_tenant_isolation('credit_identity');

-- Debtors of receivables that are this identity (matched by blind indexes, or by an invoice for one of its orders).
create table credit_identity_debtor (
    tenant_id   uuid not null,
    identity_id uuid not null,
    debtor_id   uuid not null,
    linked_at   timestamptz not null default now(),
    primary key (tenant_id, identity_id, debtor_id),
    foreign key (tenant_id, identity_id) references credit_identity (tenant_id, id),
    foreign key (tenant_id, debtor_id) references debtor (tenant_id, id) on delete cascade
);
create index credit_identity_debtor_debtor on credit_identity_debtor (tenant_id, debtor_id);
select enable_tenant_isolation('credit_identity_debtor');

-- Contact attributes seen in checks (blind indexes of e-mail, IBAN, phone, address), per identity: one IBAN used by
-- several identities is a fraud signal; and access requests find every check about a person through them.
create table credit_identity_attribute (
    tenant_id   uuid not null,
    kind        text not null,
    digest      bytea not null,
    identity_id uuid not null,
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    primary key (tenant_id, kind, digest, identity_id),
    foreign key (tenant_id, identity_id) references credit_identity (tenant_id, id)
);
create index credit_identity_attribute_identity on credit_identity_attribute (tenant_id, identity_id);
select enable_tenant_isolation('credit_identity_attribute');

-- The check log: immutable. Inputs and external answers are encrypted under the subject's key; what stays in clear
-- is what a credit desk filters and counts by (decision, score, amounts, reason codes, signals as numbers).
create table credit_check (
    tenant_id        uuid not null,
    id               uuid not null,
    created_at       timestamptz not null,
    identity_id      uuid not null,
    subject_id       uuid not null,
    applicant_type   text not null check (applicant_type in ('CONSUMER', 'BUSINESS')),
    decision         text not null check (decision in ('ACCEPT', 'REFER', 'REJECT')),
    score            int,
    risk_band        text,
    credit_limit     numeric(15, 2) not null,
    available_limit  numeric(15, 2) not null,
    amount           numeric(15, 2) not null,
    currency         text not null,
    channel          text,
    product_category text,
    order_reference  text,
    natural_key      bytea,
    policy_version   int not null,
    variant          text not null check (variant in ('CHAMPION', 'CHALLENGER')),
    scorer           text not null,
    reasons          jsonb not null,
    conditions       jsonb not null,
    rules_fired      jsonb not null,
    factors          jsonb not null,
    signals          jsonb not null,
    sources          jsonb not null,
    inputs           bytea not null,
    answers          bytea,
    language         text not null,
    latency_micros   int not null,
    actor            text,
    primary key (tenant_id, id),
    foreign key (tenant_id, identity_id) references credit_identity (tenant_id, id)
);
create index credit_check_created on credit_check (tenant_id, created_at);
create index credit_check_identity on credit_check (tenant_id, identity_id, created_at);
create index credit_check_decision on credit_check (tenant_id, decision, created_at);
create unique index credit_check_natural_key on credit_check (tenant_id, natural_key) where natural_key is not null;
select enable_tenant_isolation('credit_check');
revoke update, delete, truncate on credit_check from ${appRole};

-- Open orders: an accepted (or referred, while in review) check reserves its amount against the identity's limit
-- until the invoice arrives, the order is released, or the reservation expires.
create table credit_reservation (
    tenant_id       uuid not null,
    check_id        uuid not null,
    identity_id     uuid not null,
    amount          numeric(15, 2) not null check (amount > 0),
    currency        text not null,
    order_reference text,
    status          text not null check (status in ('OPEN', 'PENDING_REVIEW', 'INVOICED', 'RELEASED', 'REJECTED')),
    expires_at      timestamptz not null,
    created_at      timestamptz not null,
    closed_at       timestamptz,
    invoice_id      uuid,
    primary key (tenant_id, check_id),
    foreign key (tenant_id, check_id) references credit_check (tenant_id, id),
    foreign key (tenant_id, identity_id) references credit_identity (tenant_id, id)
);
create index credit_reservation_open on credit_reservation (tenant_id, identity_id)
    where status in ('OPEN', 'PENDING_REVIEW');
create index credit_reservation_reference on credit_reservation (tenant_id, order_reference)
    where status in ('OPEN', 'PENDING_REVIEW') and order_reference is not null;
select enable_tenant_isolation('credit_reservation');

-- Human review: every REFER, and any automated decision the person asks to have reviewed (GDPR art. 22).
create table credit_review (
    tenant_id       uuid not null,
    id              uuid not null,
    check_id        uuid not null,
    kind            text not null check (kind in ('REFER', 'ART22_REQUEST')),
    status          text not null check (status in ('OPEN', 'DECIDED')),
    requested_at    timestamptz not null,
    requested_by    text,
    request_note    text,
    decision        text check (decision in ('ACCEPT', 'REJECT')),
    approved_amount numeric(15, 2),
    reason          text,
    decided_by      text,
    decided_at      timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, check_id) references credit_check (tenant_id, id),
    check ((status = 'DECIDED') = (decision is not null and reason is not null and decided_at is not null))
);
create unique index credit_review_open on credit_review (tenant_id, check_id) where status = 'OPEN';
create index credit_review_status on credit_review (tenant_id, status, requested_at);
create index credit_review_check on credit_review (tenant_id, check_id);
select enable_tenant_isolation('credit_review');

-- Monitoring alerts (exposure over limit, overdue over threshold, changed external signal). One open alert per
-- identity and kind; acknowledging closes it.
create table credit_alert (
    tenant_id       uuid not null,
    id              uuid not null,
    identity_id     uuid not null,
    kind            text not null check (kind in ('EXPOSURE_OVER_LIMIT', 'OVERDUE_OVER_THRESHOLD',
                                                  'EXTERNAL_SIGNAL_CHANGED')),
    details         jsonb not null,
    created_at      timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    primary key (tenant_id, id),
    foreign key (tenant_id, identity_id) references credit_identity (tenant_id, id)
);
create unique index credit_alert_open on credit_alert (tenant_id, identity_id, kind) where acknowledged_at is null;
create index credit_alert_created on credit_alert (tenant_id, created_at);
select enable_tenant_isolation('credit_alert');
