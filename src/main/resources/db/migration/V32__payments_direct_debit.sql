-- Payments: SEPA direct debit mandates, collections (one pain.008 file per collection date) and their items.

-- The debtor's account is personal data: only encrypted (under the debtor's key) and as a blind index.
create table sepa_mandate (
    tenant_id         uuid not null,
    id                uuid not null,
    debtor_id         uuid not null,
    reference         text not null check (reference ~ '^[A-Za-z0-9+?/:().,'' -]{1,35}$'),
    signed_on         date not null,
    type              text not null check (type in ('RECURRENT', 'ONE_OFF')),
    scheme            text not null default 'CORE' check (scheme in ('CORE', 'B2B')),
    iban              bytea not null,
    iban_index        bytea not null,
    bic               text,
    status            text not null check (status in ('ACTIVE', 'REVOKED', 'LAPSED', 'USED')),
    first_collected   date,
    last_collected    date,
    status_reason     text,
    created_by        text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index sepa_mandate_reference on sepa_mandate (tenant_id, reference);
create index sepa_mandate_debtor on sepa_mandate (tenant_id, debtor_id);
select enable_tenant_isolation('sepa_mandate');

create table dd_collection (
    tenant_id       uuid not null,
    id              uuid not null,
    message_id      text not null,
    collection_date date not null,
    status          text not null check (status in ('CREATED', 'EXPORTED', 'CANCELLED')),
    items           int not null,
    control_sum     numeric(15, 2) not null,
    file            bytea not null,
    created_by      text,
    created_at      timestamptz not null default now(),
    exported_at     timestamptz,
    primary key (tenant_id, id)
);
create unique index dd_collection_message on dd_collection (tenant_id, message_id);
select enable_tenant_isolation('dd_collection');

-- One collection from one debtor for one invoice. The end-to-end id comes back on the statement (booked) and on a
-- return, which is how both find their invoice.
create table dd_item (
    tenant_id       uuid not null,
    collection_id   uuid not null,
    end_to_end_id   text not null,
    mandate_id      uuid not null,
    debtor_id       uuid not null,
    invoice_id      uuid not null,
    amount          numeric(15, 2) not null check (amount > 0),
    sequence_type   text not null check (sequence_type in ('FRST', 'RCUR', 'OOFF', 'FNAL')),
    status          text not null default 'SCHEDULED'
                    check (status in ('SCHEDULED', 'COLLECTED', 'RETURNED', 'CANCELLED')),
    return_reason   text,
    entry_id        uuid,
    notified        boolean not null default false,
    primary key (tenant_id, collection_id, end_to_end_id),
    foreign key (tenant_id, collection_id) references dd_collection (tenant_id, id),
    foreign key (tenant_id, mandate_id) references sepa_mandate (tenant_id, id)
);
create unique index dd_item_e2e on dd_item (tenant_id, end_to_end_id);
create index dd_item_invoice on dd_item (tenant_id, invoice_id) where status = 'SCHEDULED';
select enable_tenant_isolation('dd_item');

create or replace function payments_tenants_with_work() returns setof uuid
    language sql stable security definer set search_path = public
as $$
    select tenant_id from payment_plan where status in ('PROPOSED', 'ACTIVE')
    union select tenant_id from promise_to_pay where status = 'OPEN'
    union select tenant_id from bank_import where status = 'RUNNING'
    union select tenant_id from bank_entry where state in ('SUGGESTED', 'UNMATCHED')
    union select tenant_id from sepa_mandate where status = 'ACTIVE'
$$;
