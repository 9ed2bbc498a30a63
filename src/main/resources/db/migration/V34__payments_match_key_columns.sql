-- Invoice-number lookups of the matcher as stored columns. Under row-level security a query's condition may only be
-- used in an index scan when it is leakproof; a condition on payment_number_key(number) calls regexp_replace, which
-- is not, so PostgreSQL evaluated it after the tenant policy, row by row over all of the tenant's invoices (a
-- sequential scan of a million rows per chunk of payments). A comparison of stored columns is leakproof (texteq), so
-- these indexes are used. The functions stay: they define the keys, here and in the in-memory matcher.
alter table invoice
    add column match_number_key text generated always as (payment_number_key(number)) stored,
    add column match_digits_key text generated always as (payment_digits_key(number)) stored;
create index invoice_match_number_key on invoice (tenant_id, match_number_key);
create index invoice_match_digits_key on invoice (tenant_id, match_digits_key);
drop index invoice_payment_number_key;
drop index invoice_payment_digits_key;
