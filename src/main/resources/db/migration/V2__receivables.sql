-- Receivables: debtors, invoices and credit notes, and the append-only ledger per invoice.

-- Named counters per tenant (payment references, import numbers); incremented with UPDATE ... RETURNING.
create table tenant_counter (
    tenant_id uuid not null references tenant (id),
    name      text not null,
    value     bigint not null,
    primary key (tenant_id, name)
);
select enable_tenant_isolation('tenant_counter');

-- A debtor's personal data (name, salutation, date of birth, addresses, e-mail addresses, phones, IBANs, Chamber of
-- Commerce and VAT numbers) lives in one AES-GCM ciphertext under the debtor's own key (profile); exact search goes
-- through keyed blind indexes in debtor_lookup. profile_digest (keyed, like a blind index) detects an unchanged
-- profile on re-import without decrypting.
create table debtor (
    tenant_id         uuid not null references tenant (id),
    id                uuid not null,
    external_id       text not null,
    type              text not null check (type in ('CONSUMER', 'BUSINESS')),
    language          text not null default 'nl' check (language in ('nl', 'en', 'de', 'fr')),
    preferred_channel text not null default 'EMAIL' check (preferred_channel in ('EMAIL', 'POST', 'SMS')),
    country           text,
    tags              text[] not null default '{}',
    profile           bytea not null,
    profile_digest    bytea not null,
    status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           int not null default 0,
    primary key (tenant_id, id),
    check (length(external_id) between 1 and 100)
);
create unique index debtor_external_id on debtor (tenant_id, external_id);
create index debtor_created on debtor (tenant_id, created_at, id);
select enable_tenant_isolation('debtor');

create table debtor_lookup (
    tenant_id uuid not null,
    kind      text not null,
    digest    bytea not null,
    debtor_id uuid not null,
    primary key (tenant_id, kind, digest, debtor_id),
    foreign key (tenant_id, debtor_id) references debtor (tenant_id, id) on delete cascade
);
create index debtor_lookup_debtor on debtor_lookup (tenant_id, debtor_id);
select enable_tenant_isolation('debtor_lookup');

-- Invoices and credit notes. The open amounts are the sums of the ledger entries, kept on the invoice row by the
-- same statement that appends an entry (the row lock serialises concurrent writers).
create table invoice (
    tenant_id         uuid not null,
    id                uuid not null,
    debtor_id         uuid not null,
    external_id       text,
    number            text not null,
    kind              text not null default 'INVOICE' check (kind in ('INVOICE', 'CREDIT_NOTE')),
    issue_date        date not null,
    due_date          date not null,
    currency          text not null check (currency ~ '^[A-Z]{3}$'),
    amount            numeric(15, 2) not null check (amount > 0),
    vat_amount        numeric(15, 2),
    payment_reference text not null,
    status            text not null check (status in ('OPEN', 'PARTIALLY_PAID', 'PAID', 'DISPUTED', 'WRITTEN_OFF',
                                                      'IN_COLLECTION')),
    dispute_reason    text,
    open_principal    numeric(15, 2) not null,
    open_costs        numeric(15, 2) not null default 0,
    open_interest     numeric(15, 2) not null default 0,
    ledger_seq        int not null default 1,
    source            text not null,
    content_digest    bytea,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    settled_at        timestamptz,
    version           int not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, debtor_id) references debtor (tenant_id, id),
    check (open_costs >= 0 and open_interest >= 0),
    check ((kind = 'INVOICE' and open_principal >= 0) or (kind = 'CREDIT_NOTE' and open_principal <= 0)),
    check (length(number) between 1 and 100)
);
create unique index invoice_number on invoice (tenant_id, number);
create unique index invoice_external_id on invoice (tenant_id, external_id);
create index invoice_debtor on invoice (tenant_id, debtor_id, due_date);
create index invoice_open_due on invoice (tenant_id, due_date)
    where status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION');
create index invoice_payment_reference on invoice (tenant_id, payment_reference);
select enable_tenant_isolation('invoice');

create table invoice_line (
    tenant_id   uuid not null,
    invoice_id  uuid not null,
    line_no     int not null,
    description text not null,
    quantity    numeric(15, 4) not null,
    unit_price  numeric(15, 4) not null,
    vat_rate    numeric(5, 2),
    amount      numeric(15, 2) not null,
    primary key (tenant_id, invoice_id, line_no),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id) on delete cascade
);
select enable_tenant_isolation('invoice_line');

-- Append-only: amounts are what the debtor owes more (+) or less (-), split into principal, costs and interest, so
-- that payments can be allocated by law (costs, then interest, then principal). The application may insert and read,
-- never change or delete.
create table ledger_entry (
    tenant_id    uuid not null,
    invoice_id   uuid not null,
    seq          int not null,
    kind         text not null check (kind in ('ISSUED', 'PAYMENT', 'CREDIT_NOTE', 'COST_CHARGED', 'INTEREST_CHARGED',
                                               'WRITE_OFF', 'REVERSAL', 'ADJUSTMENT')),
    principal    numeric(15, 2) not null default 0,
    costs        numeric(15, 2) not null default 0,
    interest     numeric(15, 2) not null default 0,
    value_date   date not null,
    booked_at    timestamptz not null default now(),
    reference    text,
    reverses_seq int,
    note         text,
    actor        text,
    primary key (tenant_id, invoice_id, seq),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);
create index ledger_entry_reference on ledger_entry (tenant_id, reference) where reference is not null;
select enable_tenant_isolation('ledger_entry');
revoke update, delete, truncate on ledger_entry from ${appRole};
