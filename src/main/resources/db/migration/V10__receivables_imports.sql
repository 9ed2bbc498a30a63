-- Receivables intake: file imports (CSV, UBL e-invoices), their row errors, and the tenant's saved column mappings.

-- Saved CSV profiles: how a tenant's accounting export maps onto Creditflow's fields. mapping is a JSON object
-- {"field": "column header in the file"}; a null separator or encoding means "detect".
create table import_profile (
    tenant_id          uuid not null references tenant (id),
    id                 uuid not null,
    name               text not null check (length(name) between 1 and 100),
    kind               text not null check (kind in ('INVOICES', 'DEBTORS')),
    separator          text check (separator in (',', ';', '|', 'TAB')),
    encoding           text check (encoding in ('UTF-8', 'WINDOWS-1252')),
    decimal_separator  text not null default 'AUTO' check (decimal_separator in ('AUTO', 'COMMA', 'POINT')),
    date_format        text check (date_format in ('yyyy-MM-dd', 'dd-MM-yyyy', 'dd/MM/yyyy', 'd-M-yyyy', 'dd.MM.yyyy')),
    mapping            jsonb not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index import_profile_name on import_profile (tenant_id, name);
select enable_tenant_isolation('import_profile');

-- One row per uploaded file. Counters are written by the worker in short transactions of their own while the data
-- itself is written in one long transaction, so progress is visible while nothing is committed yet.
create table import_job (
    tenant_id         uuid not null references tenant (id),
    id                uuid not null,
    kind              text not null check (kind in ('INVOICES', 'DEBTORS')),
    mode              text not null check (mode in ('ALL_OR_NOTHING', 'VALID_ROWS')),
    dry_run           boolean not null,
    format            text check (format in ('CSV', 'UBL')),
    file_name         text,
    file_size         bigint not null,
    file_sha256       bytea not null,
    profile_id        uuid,
    status            text not null check (status in ('QUEUED', 'VALIDATING', 'IMPORTING', 'VALIDATED', 'SUCCEEDED',
                                                      'PARTIALLY_IMPORTED', 'FAILED')),
    phase_rows_done   bigint not null default 0,
    rows_estimated    bigint,
    rows_total        bigint,
    rows_imported     bigint not null default 0,
    rows_unchanged    bigint not null default 0,
    rows_failed       bigint not null default 0,
    debtors_created   bigint not null default 0,
    debtors_updated   bigint not null default 0,
    invoices_created  bigint not null default 0,
    invoices_updated  bigint not null default 0,
    error_count       bigint not null default 0,
    message           text,
    detected          jsonb,
    attempts          int not null default 0,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    phase_started_at  timestamptz,
    finished_at       timestamptz,
    primary key (tenant_id, id)
);
create index import_job_created on import_job (tenant_id, created_at desc, id);
select enable_tenant_isolation('import_job');

-- Every problem found, with the file's line number (of the record's first line) and column header.
create table import_error (
    tenant_id  uuid not null,
    import_id  uuid not null,
    seq        int not null,
    line       bigint,
    column_name text,
    message    text not null,
    primary key (tenant_id, import_id, seq),
    foreign key (tenant_id, import_id) references import_job (tenant_id, id) on delete cascade
);
select enable_tenant_isolation('import_error');
