-- Payments: bank statement imports, their entries and how each was matched, applied payments and their allocation
-- over invoices, credit on debtors' accounts, and the tenant's matching settings.

create table payment_settings (
    tenant_id               uuid not null references tenant (id),
    -- a proposal at or above this confidence is applied without a person; below it waits in the queue
    auto_apply_threshold    numeric(4, 3) not null default 0.950 check (auto_apply_threshold between 0.5 and 1),
    -- an underpayment up to this amount is written off instead of leaving a few cents open
    write_off_tolerance     numeric(15, 2) not null default 1.00 check (write_off_tolerance >= 0),
    -- what happens to money beyond the invoices a payment names: kept as credit, or allocated by law to other claims
    surplus                 text not null default 'CREDIT' check (surplus in ('CREDIT', 'ALLOCATE_BY_LAW')),
    plan_grace_days         int not null default 5 check (plan_grace_days between 0 and 60),
    promise_grace_days      int not null default 3 check (promise_grace_days between 0 and 60),
    instalment_notice_days  int not null default 5 check (instalment_notice_days between 0 and 30),
    -- SEPA direct debit: the tenant as creditor
    creditor_name           text,
    creditor_iban           text,
    creditor_bic            text,
    creditor_id             text,
    pre_notification_days   int not null default 14 check (pre_notification_days between 1 and 30),
    updated_at              timestamptz not null default now(),
    primary key (tenant_id)
);
select enable_tenant_isolation('payment_settings');

-- One uploaded statement file. Progress columns are written in their own short transactions while the file's own
-- transaction runs, so the console can show how far an import is; the counts are final once status is COMPLETED.
create table bank_import (
    tenant_id      uuid not null references tenant (id),
    id             uuid not null,
    file_name      text not null,
    file_sha256    bytea,
    format         text,
    dialect        text,
    status         text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    error          text,
    bytes_total    bigint,
    bytes_read     bigint not null default 0,
    statements     int not null default 0,
    entries        int not null default 0,
    applied        int not null default 0,
    suggested      int not null default 0,
    unmatched      int not null default 0,
    duplicates     int not null default 0,
    ignored        int not null default 0,
    created_by     text,
    created_at     timestamptz not null default now(),
    heartbeat_at   timestamptz not null default now(),
    finished_at    timestamptz,
    primary key (tenant_id, id)
);
create index bank_import_created on bank_import (tenant_id, created_at, id);
select enable_tenant_isolation('bank_import');

create table bank_statement (
    tenant_id     uuid not null,
    import_id     uuid not null,
    seq           int not null,
    statement_ref text not null,
    account       text not null,
    currency      text not null,
    opening       numeric(15, 2),
    opening_date  date,
    closing       numeric(15, 2),
    closing_date  date,
    entries       int not null,
    credits       numeric(15, 2) not null,
    debits        numeric(15, 2) not null,
    primary key (tenant_id, import_id, seq),
    foreign key (tenant_id, import_id) references bank_import (tenant_id, id)
);
select enable_tenant_isolation('bank_statement');

-- One line to match: a single booking, or one transaction of a batch booking (tx_index 1..n; 0 for single ones).
-- The payer's name, account and remittance text are personal data: they are kept only encrypted (details), under a
-- key per import (the person is not known when the file arrives), with a blind index of the payer's IBAN.
-- The bank's entry reference makes re-imports idempotent: a second import of the same booking is stored as a
-- DUPLICATE pointing at the first and applies nothing.
create table bank_entry (
    tenant_id        uuid not null,
    id               uuid not null,
    import_id        uuid not null,
    seq              int not null,
    account          text not null,
    statement_ref    text,
    entry_ref        text not null,
    tx_index         int not null,
    line_number      bigint not null,
    booking_date     date not null,
    value_date       date,
    amount           numeric(15, 2) not null check (amount >= 0),
    currency         text not null,
    direction        text not null check (direction in ('CREDIT', 'DEBIT')),
    reversal         boolean not null default false,
    booked           boolean not null,
    bank_code        text,
    batch            boolean not null default false,
    kind             text not null check (kind in ('PAYMENT', 'RETURN', 'REFUND_RETURNED', 'OUTGOING', 'NOT_BOOKED')),
    end_to_end_id    text,
    mandate_id       text,
    return_reason    text,
    structured_ref   text,
    payer_iban_index bytea,
    details          bytea,
    state            text not null check (state in ('APPLIED', 'SUGGESTED', 'UNMATCHED', 'DUPLICATE', 'IGNORED')),
    duplicate_of     uuid,
    debtor_id        uuid,
    confidence       numeric(4, 3),
    reasons          text,
    decided_by       text,
    decided_at       timestamptz,
    created_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, import_id) references bank_import (tenant_id, id)
);
create unique index bank_entry_bank_ref on bank_entry (tenant_id, account, entry_ref, tx_index, booked)
    where state <> 'DUPLICATE';
create index bank_entry_import on bank_entry (tenant_id, import_id, seq);
create index bank_entry_queue on bank_entry (tenant_id, booking_date, id) where state in ('SUGGESTED', 'UNMATCHED');
create index bank_entry_e2e on bank_entry (tenant_id, end_to_end_id) where end_to_end_id is not null;
create index bank_entry_debtor on bank_entry (tenant_id, debtor_id) where debtor_id is not null;
select enable_tenant_isolation('bank_entry');

-- The best proposals for an entry that waits for a person (rank 1 = best).
create table bank_entry_suggestion (
    tenant_id   uuid not null,
    entry_id    uuid not null,
    rank        smallint not null,
    debtor_id   uuid not null,
    invoice_ids uuid[] not null,
    confidence  numeric(4, 3) not null,
    reasons     text not null,
    primary key (tenant_id, entry_id, rank),
    foreign key (tenant_id, entry_id) references bank_entry (tenant_id, id) on delete cascade
);
select enable_tenant_isolation('bank_entry_suggestion');

-- Money applied to a debtor's invoices, whatever channel it came through (a bank entry, a payment link), and how the
-- law allocated it: per invoice costs, interest, principal, and what was written off. The ledger sequence numbers
-- let a return reverse exactly these postings.
create table payment (
    tenant_id   uuid not null,
    id          uuid not null,
    source      text not null check (source in ('BANK', 'LINK', 'CREDIT')),
    source_id   uuid not null,
    debtor_id   uuid not null,
    amount      numeric(15, 2) not null check (amount > 0),
    currency    text not null,
    value_date  date not null,
    credited    numeric(15, 2) not null default 0,
    written_off numeric(15, 2) not null default 0,
    manual      boolean not null default false,
    status      text not null default 'APPLIED' check (status in ('APPLIED', 'REVERSED')),
    reference   text,
    created_by  text,
    created_at  timestamptz not null default now(),
    reversed_at timestamptz,
    primary key (tenant_id, id)
);
create index payment_source on payment (tenant_id, source, source_id);
create index payment_debtor on payment (tenant_id, debtor_id, created_at);
create index payment_reference on payment (tenant_id, reference) where reference is not null;
select enable_tenant_isolation('payment');

create table payment_allocation (
    tenant_id        uuid not null,
    payment_id       uuid not null,
    invoice_id       uuid not null,
    position         int not null,
    basis            text not null,
    to_costs         numeric(15, 2) not null,
    to_interest      numeric(15, 2) not null,
    to_principal     numeric(15, 2) not null,
    written_off      numeric(15, 2) not null default 0,
    payment_seq      int,
    write_off_seq    int,
    primary key (tenant_id, payment_id, invoice_id),
    foreign key (tenant_id, payment_id) references payment (tenant_id, id)
);
create index payment_allocation_invoice on payment_allocation (tenant_id, invoice_id);
select enable_tenant_isolation('payment_allocation');

-- Money a debtor paid beyond what the payment named: credit on their account until a person uses or refunds it.
create table debtor_credit (
    tenant_id  uuid not null,
    id         uuid not null,
    debtor_id  uuid not null,
    payment_id uuid not null,
    amount     numeric(15, 2) not null check (amount > 0),
    used       numeric(15, 2) not null default 0,
    status     text not null default 'OPEN' check (status in ('OPEN', 'USED', 'REFUNDED', 'REVERSED')),
    note       text,
    created_at timestamptz not null default now(),
    closed_at  timestamptz,
    primary key (tenant_id, id),
    check (used >= 0 and used <= amount)
);
create index debtor_credit_debtor on debtor_credit (tenant_id, debtor_id) where status = 'OPEN';
select enable_tenant_isolation('debtor_credit');

-- Accounts seen paying for a debtor (blind index of the IBAN), learned when a person matched a payment or a payment
-- named its invoice exactly: the next payment from that account identifies the debtor even without a reference.
create table payer_account (
    tenant_id  uuid not null,
    iban_index bytea not null,
    debtor_id  uuid not null,
    learned    text not null check (learned in ('MANUAL', 'REFERENCE')),
    created_at timestamptz not null default now(),
    primary key (tenant_id, iban_index, debtor_id)
);
select enable_tenant_isolation('payer_account');

-- Invoice numbers as payers type them: without separators and case ("inv 2024.0042" finds INV-2024-0042), and
-- only their digits (a payer who leaves out the prefix). Indexed on the receivables table so lookups stay exact and
-- set-based against millions of invoices; read-only use by the payments module.
create function payment_number_key(number text) returns text
    language sql immutable parallel safe
as $$ select upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g')) $$;

create function payment_digits_key(number text) returns text
    language sql immutable parallel safe
as $$ select nullif(regexp_replace(number, '[^0-9]', '', 'g'), '') $$;

create index invoice_payment_number_key on invoice (tenant_id, payment_number_key(number));
create index invoice_payment_digits_key on invoice (tenant_id, payment_digits_key(number));
