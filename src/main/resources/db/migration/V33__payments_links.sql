-- Payments: payment links (pay one or more invoices online through a payment service provider) and the sandbox
-- provider that stands in for a real one in development and the demo.

-- The token is the link's capability (an unguessable URL a debtor receives in a reminder); the page it opens shows
-- invoice numbers and amounts, never the debtor's personal data.
create table payment_link (
    tenant_id  uuid not null,
    id         uuid not null,
    token      text not null check (length(token) >= 32),
    debtor_id  uuid not null,
    amount     numeric(15, 2) not null check (amount > 0),
    currency   text not null,
    status     text not null check (status in ('OPEN', 'PAID', 'CANCELLED', 'EXPIRED')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    paid_at    timestamptz,
    payment_id uuid,
    primary key (tenant_id, id)
);
create unique index payment_link_token on payment_link (token);
create index payment_link_debtor on payment_link (tenant_id, debtor_id, status);
select enable_tenant_isolation('payment_link');

create table payment_link_invoice (
    tenant_id  uuid not null,
    link_id    uuid not null,
    invoice_id uuid not null,
    position   int not null,
    primary key (tenant_id, link_id, invoice_id),
    foreign key (tenant_id, link_id) references payment_link (tenant_id, id)
);
create index payment_link_invoice_invoice on payment_link_invoice (tenant_id, invoice_id);
select enable_tenant_isolation('payment_link_invoice');

-- One attempt at the provider for a link (a failed attempt may be followed by a paid one).
create table provider_payment (
    tenant_id           uuid not null,
    id                  uuid not null,
    link_id             uuid not null,
    provider            text not null,
    provider_payment_id text not null,
    amount              numeric(15, 2) not null,
    status              text not null check (status in ('OPEN', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED')),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, link_id) references payment_link (tenant_id, id)
);
create unique index provider_payment_external on provider_payment (provider, provider_payment_id);
create index provider_payment_link on provider_payment (tenant_id, link_id);
select enable_tenant_isolation('provider_payment');

-- Webhook deliveries already processed: a provider retries until it gets a 2xx, so each event id acts once.
create table payment_webhook_event (
    tenant_id   uuid not null,
    provider    text not null,
    event_id    text not null,
    received_at timestamptz not null default now(),
    primary key (tenant_id, provider, event_id)
);
select enable_tenant_isolation('payment_webhook_event');

-- The sandbox provider's own bookkeeping (what a real provider keeps on its side).
create table sandbox_payment (
    tenant_id   uuid not null,
    id          text not null,
    amount      numeric(15, 2) not null,
    currency    text not null,
    description text not null,
    return_url  text not null,
    webhook_url text not null,
    status      text not null check (status in ('OPEN', 'PAID', 'FAILED')),
    created_at  timestamptz not null default now(),
    decided_at  timestamptz,
    primary key (tenant_id, id)
);
create unique index sandbox_payment_id on sandbox_payment (id);
select enable_tenant_isolation('sandbox_payment');

-- Public pages and webhooks arrive before a tenant is known: these reveal one tenant id for one secret or
-- provider id, never a listing.
create function payment_link_tenant(p_token text) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from payment_link where token = p_token $$;

create function provider_payment_tenant(p_provider text, p_id text) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from provider_payment where provider = p_provider and provider_payment_id = p_id $$;

create function sandbox_payment_tenant(p_id text) returns uuid
    language sql stable security definer set search_path = public
as $$ select tenant_id from sandbox_payment where id = p_id $$;

revoke all on function payment_link_tenant(text), provider_payment_tenant(text, text), sandbox_payment_tenant(text)
    from public;
grant execute on function payment_link_tenant(text), provider_payment_tenant(text, text), sandbox_payment_tenant(text)
    to ${appRole};
