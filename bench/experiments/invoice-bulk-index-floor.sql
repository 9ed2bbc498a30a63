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
-- one definition of the table and of its eight indexes for both paths, so they cannot drift apart
create or replace function invoice_like(t text) returns void language plpgsql as $$
begin
  execute format('create table %I (like src)', t);
  execute format('alter table %I add column match_number_key text generated always as (payment_number_key(number)) stored, '
                 'add column match_digits_key text generated always as (payment_digits_key(number)) stored', t);
end $$;
create or replace function invoice_indexes(t text) returns void language plpgsql as $$
begin
  execute format('create unique index on %I (tenant_id, id)', t);
  execute format('create unique index on %I (tenant_id, number)', t);
  execute format('create unique index on %I (tenant_id, external_id) where external_id is not null', t);
  execute format('create index on %I (tenant_id, debtor_id, due_date)', t);
  execute format('create index on %I (tenant_id, due_date) where status in (''OPEN'', ''PARTIALLY_PAID'', ''DISPUTED'', ''IN_COLLECTION'')', t);
  execute format('create index on %I (tenant_id, payment_reference)', t);
  execute format('create index on %I (tenant_id, match_number_key)', t);
  execute format('create index on %I (tenant_id, match_digits_key)', t);
end $$;
-- A: incremental: indexes first (the "insert" timing is the figure)
select invoice_like('inv');
select invoice_indexes('inv');
begin;
insert into inv select * from src;
commit;
-- B: bare then build (the "insert" timing plus the "invoice_indexes" timing is the figure)
select invoice_like('inv2');
begin;
insert into inv2 select * from src;
select invoice_indexes('inv2');
commit;
