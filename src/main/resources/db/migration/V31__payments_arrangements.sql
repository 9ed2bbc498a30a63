-- Payments: payment plans (betalingsregelingen) and promises to pay.

-- A plan covers some of a debtor's invoices. baseline_open is what was open on them when the plan was agreed: what
-- the debtor has paid since is baseline_open minus what is open now, whatever channel the money came through.
create table payment_plan (
    tenant_id     uuid not null,
    id            uuid not null,
    debtor_id     uuid not null,
    status        text not null check (status in ('PROPOSED', 'ACTIVE', 'COMPLETED', 'BREACHED', 'CANCELLED')),
    total         numeric(15, 2) not null check (total > 0),
    currency      text not null,
    instalments   int not null check (instalments between 1 and 60),
    frequency     text not null check (frequency in ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY')),
    grace_days    int not null,
    baseline_open numeric(15, 2),
    proposed_by   text,
    note          text,
    created_at    timestamptz not null default now(),
    agreed_at     timestamptz,
    agreed_by     text,
    closed_at     timestamptz,
    close_reason  text,
    primary key (tenant_id, id)
);
create index payment_plan_debtor on payment_plan (tenant_id, debtor_id);
create index payment_plan_active on payment_plan (tenant_id, status) where status in ('PROPOSED', 'ACTIVE');
select enable_tenant_isolation('payment_plan');

create table payment_plan_invoice (
    tenant_id  uuid not null,
    plan_id    uuid not null,
    invoice_id uuid not null,
    primary key (tenant_id, plan_id, invoice_id),
    foreign key (tenant_id, plan_id) references payment_plan (tenant_id, id)
);
create index payment_plan_invoice_invoice on payment_plan_invoice (tenant_id, invoice_id);
select enable_tenant_isolation('payment_plan_invoice');

create table payment_plan_instalment (
    tenant_id   uuid not null,
    plan_id     uuid not null,
    number      int not null,
    due_date    date not null,
    amount      numeric(15, 2) not null check (amount > 0),
    status      text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'PAID', 'PARTIALLY_PAID', 'OVERDUE')),
    notified_at timestamptz,
    primary key (tenant_id, plan_id, number),
    foreign key (tenant_id, plan_id) references payment_plan (tenant_id, id)
);
create index payment_plan_instalment_due on payment_plan_instalment (tenant_id, due_date);
select enable_tenant_isolation('payment_plan_instalment');

create table promise_to_pay (
    tenant_id     uuid not null,
    id            uuid not null,
    debtor_id     uuid not null,
    amount        numeric(15, 2) not null check (amount > 0),
    currency      text not null,
    promised_date date not null,
    grace_days    int not null,
    baseline_open numeric(15, 2) not null,
    status        text not null check (status in ('OPEN', 'KEPT', 'BROKEN', 'CANCELLED')),
    channel       text not null default 'PHONE' check (channel in ('PHONE', 'EMAIL', 'PORTAL', 'LETTER', 'OTHER')),
    note          text,
    created_by    text,
    created_at    timestamptz not null default now(),
    closed_at     timestamptz,
    primary key (tenant_id, id)
);
create index promise_to_pay_open on promise_to_pay (tenant_id, promised_date) where status = 'OPEN';
create index promise_to_pay_debtor on promise_to_pay (tenant_id, debtor_id);
select enable_tenant_isolation('promise_to_pay');

create table promise_to_pay_invoice (
    tenant_id  uuid not null,
    promise_id uuid not null,
    invoice_id uuid not null,
    primary key (tenant_id, promise_id, invoice_id),
    foreign key (tenant_id, promise_id) references promise_to_pay (tenant_id, id)
);
create index promise_to_pay_invoice_invoice on promise_to_pay_invoice (tenant_id, invoice_id);
select enable_tenant_isolation('promise_to_pay_invoice');

-- Which tenants have plans, promises, mandates or imports the payments jobs must look at (ids only).
create function payments_tenants_with_work() returns setof uuid
    language sql stable security definer set search_path = public
as $$
    select tenant_id from payment_plan where status in ('PROPOSED', 'ACTIVE')
    union select tenant_id from promise_to_pay where status = 'OPEN'
    union select tenant_id from bank_import where status = 'RUNNING'
    union select tenant_id from bank_entry where state in ('SUGGESTED', 'UNMATCHED')
$$;
revoke all on function payments_tenants_with_work() from public;
grant execute on function payments_tenants_with_work() to ${appRole};
