-- Messaging: one outbox for every channel (e-mail, SMS, letter, webhook), the console mailbox (where e-mail goes when
-- no SMTP server is configured), the rendered letter PDFs, daily print batches and tenant-edited message templates.
--
-- Personal data (recipient, address, subject line, bodies, attachments, PDFs) is stored only as ciphertext under the
-- key of the data subject the message is about (subject_id, a debtor): erasing that person crypto-shreds it here too.

create table outbox_message (
    tenant_id       uuid not null,
    id              uuid not null,
    channel         text not null check (channel in ('EMAIL', 'SMS', 'LETTER', 'WEBHOOK')),
    status          text not null default 'QUEUED'
                    check (status in ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED')),
    subject_id      uuid not null,
    origin          text not null,
    origin_ref      text,
    -- the producer's idempotency key: the same message can be enqueued only once, ever
    dedupe_key      text not null,
    language        text,
    content         bytea not null,
    attachments     int not null default 0,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    -- a node owns a claimed message until claimed_until; a crashed node's claim simply expires
    claimed_by      text,
    claimed_until   timestamptz,
    last_error      text,
    provider_ref    text,
    batch_id        uuid,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    primary key (tenant_id, id)
);
create unique index outbox_message_dedupe on outbox_message (tenant_id, dedupe_key);
create index outbox_message_due on outbox_message (tenant_id, next_attempt_at)
    where status = 'QUEUED' and channel <> 'LETTER';
create index outbox_message_letters on outbox_message (tenant_id, created_at)
    where status = 'QUEUED' and channel = 'LETTER';
create index outbox_message_created on outbox_message (tenant_id, created_at desc, id);
create index outbox_message_subject on outbox_message (tenant_id, subject_id, created_at);
create index outbox_message_origin on outbox_message (tenant_id, origin, origin_ref);
select enable_tenant_isolation('outbox_message');

create table outbox_attachment (
    tenant_id    uuid not null,
    message_id   uuid not null,
    seq          int not null,
    filename     text not null,
    content_type text not null,
    size         int not null,
    content      bytea not null,
    primary key (tenant_id, message_id, seq),
    foreign key (tenant_id, message_id) references outbox_message (tenant_id, id) on delete cascade
);
select enable_tenant_isolation('outbox_attachment');

-- The letter as printed (LETTER) or attached (an e-mail sent "as letter"): kept as evidence of what was sent.
create table outbox_document (
    tenant_id  uuid not null,
    message_id uuid not null,
    pdf        bytea not null,
    sha256     bytea not null,
    pages      int not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, message_id),
    foreign key (tenant_id, message_id) references outbox_message (tenant_id, id) on delete cascade
);
select enable_tenant_isolation('outbox_document');

-- E-mail delivered to the console instead of an SMTP server (the demo, development): the complete MIME message.
create table console_mailbox (
    tenant_id   uuid not null,
    id          uuid not null,
    message_id  uuid not null,
    subject_id  uuid not null,
    received_at timestamptz not null,
    mime        bytea not null,
    primary key (tenant_id, id)
);
create unique index console_mailbox_message on console_mailbox (tenant_id, message_id);
create index console_mailbox_received on console_mailbox (tenant_id, received_at desc, id);
select enable_tenant_isolation('console_mailbox');

-- One print batch per tenant per day. The merged PDF is not stored (it would mix many people's data under no single
-- key): it is rebuilt from the letters' own encrypted PDFs on download; sha256 and the manifest prove what it was.
create table print_batch (
    tenant_id  uuid not null,
    id         uuid not null,
    batch_date date not null,
    created_at timestamptz not null default now(),
    letters    int not null,
    pages      int not null,
    sha256     bytea not null,
    manifest   text not null,
    primary key (tenant_id, id)
);
create unique index print_batch_date on print_batch (tenant_id, batch_date);
select enable_tenant_isolation('print_batch');

-- A tenant's own wording of a message template (the shipped defaults live in the application); every save is a new
-- version, the highest is used.
create table message_template (
    tenant_id    uuid not null,
    template_key text not null,
    language     text not null check (language in ('nl', 'en', 'de', 'fr')),
    tone         text not null check (tone in ('FORMAL', 'INFORMAL')),
    version      int not null,
    subject      text not null,
    html         text not null,
    sms          text not null,
    created_at   timestamptz not null default now(),
    created_by   text,
    primary key (tenant_id, template_key, language, tone, version)
);
select enable_tenant_isolation('message_template');

-- Which tenants have messages due for sending, or letters waiting for the print batch (ids only), for the
-- dispatchers, which then claim per tenant under row-level security.
create function outbox_tenants_due(p_now timestamptz) returns setof uuid
    language sql stable security definer set search_path = public
as $$
    select distinct tenant_id from outbox_message
     where status = 'QUEUED' and channel <> 'LETTER' and next_attempt_at <= p_now
       and (claimed_until is null or claimed_until < p_now)
$$;
create function outbox_tenants_with_letters() returns setof uuid
    language sql stable security definer set search_path = public
as $$ select distinct tenant_id from outbox_message where status = 'QUEUED' and channel = 'LETTER' $$;
revoke all on function outbox_tenants_due(timestamptz), outbox_tenants_with_letters() from public;
grant execute on function outbox_tenants_due(timestamptz), outbox_tenants_with_letters() to ${appRole};
