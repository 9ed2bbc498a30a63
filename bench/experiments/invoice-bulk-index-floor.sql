-- The physical floor of a bulk path for #3 (docs/benchmarks.md, "How far that bulk path would get"): 1,000,000
-- invoice rows inserted into the invoice table's shape with its eight B-trees first, then into a bare table whose
-- indexes are built by sorting afterwards. Run on a scratch database: psql -f bench/experiments/invoice-bulk-index-floor.sql
\timing on
create or replace function payment_number_key(number text) returns text language sql immutable parallel safe
as $$ select upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g')) $$;
create or replace function payment_digits_key(number text) returns text language sql immutable parallel safe
as $$ select nullif(regexp_replace(number, '[^0-9]', '', 'g'), '') $$;
create table src as
select '11111111-1111-1111-1111-111111111111'::uuid tenant_id,
       (lpad(to_hex(g), 8, '0') || '-0190-7000-8000-' || lpad(to_hex(g*7919 % 1000000), 12, '0'))::uuid id,
       gen_random_uuid() debtor_id, 'EXT-' || g external_id, 'INV-2026-' || lpad(g::text, 7, '0') number,
       'INVOICE' kind, date '2026-01-01' + (g % 300)::int issue_date, date '2026-01-31' + (g % 300)::int due_date, 'EUR' currency,
       (g % 100000)/100.0 + 1 amount, null::numeric vat_amount, 'RF' || lpad((g*31 % 10000000)::text, 16, '0') payment_reference,
       'OPEN' status, (g % 100000)/100.0 + 1 open_principal, sha256(g::text::bytea) content_digest
from generate_series(1::bigint, 1000000::bigint) g;
create table inv (like src);
alter table inv add column match_number_key text generated always as (payment_number_key(number)) stored,
  add column match_digits_key text generated always as (payment_digits_key(number)) stored;
-- A: incremental: indexes first
create unique index on inv (tenant_id, id);
create unique index on inv (tenant_id, number);
create unique index on inv (tenant_id, external_id) where external_id is not null;
create index on inv (tenant_id, debtor_id, due_date);
create index on inv (tenant_id, due_date) where status in ('OPEN','PARTIALLY_PAID','DISPUTED','IN_COLLECTION');
create index on inv (tenant_id, payment_reference);
create index on inv (tenant_id, match_number_key);
create index on inv (tenant_id, match_digits_key);
begin;
insert into inv select * from src;
commit;
-- B: bare then build
create table inv2 (like src);
alter table inv2 add column match_number_key text generated always as (payment_number_key(number)) stored,
  add column match_digits_key text generated always as (payment_digits_key(number)) stored;
begin;
insert into inv2 select * from src;
create unique index on inv2 (tenant_id, id);
create unique index on inv2 (tenant_id, number);
create unique index on inv2 (tenant_id, external_id) where external_id is not null;
create index on inv2 (tenant_id, debtor_id, due_date);
create index on inv2 (tenant_id, due_date) where status in ('OPEN','PARTIALLY_PAID','DISPUTED','IN_COLLECTION');
create index on inv2 (tenant_id, payment_reference);
create index on inv2 (tenant_id, match_number_key);
create index on inv2 (tenant_id, match_digits_key);
commit;
