-- The original document of an invoice that came in as an e-invoice (UBL): the file exactly as received, byte for byte,
-- so a bailiff's dossier can carry the creditor's own invoice rather than a rendering of it. The content names the
-- debtor (name, address, contact), so it is personal data: AES-256-GCM under the debtor's key, bound to the invoice
-- (privacy's vault, place invoice/<id>/original). Not the upload's file name (it may name a person) and no digest of
-- the plaintext (it would identify the document without the key): both are derived when the document is read.
-- One row per invoice: a later e-invoice for the same invoice number replaces it (the invoice follows that file).
create table invoice_original (
    tenant_id   uuid not null,
    invoice_id  uuid not null,
    debtor_id   uuid not null,
    media_type  text not null check (media_type in ('application/xml')),
    format      text not null check (format in ('UBL')),
    byte_size   int not null check (byte_size > 0),
    content     bytea not null,
    import_id   uuid,
    received_at timestamptz not null default now(),
    primary key (tenant_id, invoice_id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id) on delete cascade,
    foreign key (tenant_id, debtor_id) references debtor (tenant_id, id)
);
-- erasure finds a debtor's documents by debtor (the row keeps the debtor whose key encrypted it)
create index invoice_original_debtor on invoice_original (tenant_id, debtor_id);
select enable_tenant_isolation('invoice_original');
