-- Two indexes that every new invoice paid for and no query used (measured in the 1,000,000-invoice import, where each
-- B-tree entry is a share of the write pass; see docs/benchmarks.md, "Receivables"):
-- * ledger_entry_reference: no statement looks ledger entries up by reference (payments are matched on the invoice's
--   payment reference and number, which invoice indexes); it held a copy of every invoice number (the ISSUED entry's
--   reference) and every payment's bank reference.
-- * invoice_external_id held an entry for every invoice without an external id (NULLs, never looked up: a NULL equals
--   nothing). Partial now; uniqueness of the ids that are given is unchanged, and `external_id = ?` uses it as before.
drop index ledger_entry_reference;
drop index invoice_external_id;
create unique index invoice_external_id on invoice (tenant_id, external_id) where external_id is not null;
