-- Restriction of processing (GDPR art. 18): the debtor's data is stored only. Dunning, scoring and credit checks
-- must skip a restricted debtor; set-based runs join this table:
--   ... and not exists (select 1 from privacy_restriction r where r.tenant_id = i.tenant_id and r.debtor_id = i.debtor_id)
create table privacy_restriction (
    tenant_id     uuid not null,
    debtor_id     uuid not null,
    reason        text not null,
    restricted_at timestamptz not null default now(),
    restricted_by text not null,
    primary key (tenant_id, debtor_id)
);
select enable_tenant_isolation('privacy_restriction');
