-- Tenant webhooks: endpoints (URL, event types, signing secret encrypted under the endpoint's own key) and the log of
-- deliveries; each delivery is an outbox message (messaging signs, sends and retries it with backoff).

create table webhook_endpoint (
    tenant_id   uuid not null,
    id          uuid not null,
    url         text not null,
    description text,
    event_types text[] not null,
    secret      bytea not null,
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    primary key (tenant_id, id)
);
select enable_tenant_isolation('webhook_endpoint');

create table webhook_delivery (
    tenant_id   uuid not null,
    id          uuid not null,
    endpoint_id uuid not null,
    event_id    text not null,
    event_type  text not null,
    message_id  uuid not null,
    replay_of   uuid,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, endpoint_id) references webhook_endpoint (tenant_id, id) on delete cascade
);
create unique index webhook_delivery_event on webhook_delivery (tenant_id, endpoint_id, event_id) where replay_of is null;
create index webhook_delivery_recent on webhook_delivery (tenant_id, created_at desc, id desc);
select enable_tenant_isolation('webhook_delivery');
