-- Scoring: the model registry per tenant and purpose, training jobs, the log of scores served, and the stability
-- (PSI) history of the active models.

-- One trained model version: the model file as the engine wrote it (scorecard and boosted challenger), its model card
-- (data window, features, metrics, training time) and its validation pictures. A version is never changed once
-- trained; activation only moves its role. At most one CHAMPION (serves decisions) and one CHALLENGER (scored beside
-- it for comparison) per tenant and purpose.
create table scoring_model (
    tenant_id        uuid not null references tenant (id),
    id               uuid not null,
    purpose          text not null check (purpose in ('ACCEPTANCE', 'COLLECTABILITY')),
    version          int not null,
    name             text not null,
    role             text not null default 'CANDIDATE'
                         check (role in ('CANDIDATE', 'CHAMPION', 'CHALLENGER', 'RETIRED')),
    algorithm        text not null default 'SCORECARD' check (algorithm in ('SCORECARD', 'GRADIENT_BOOSTING')),
    source           text not null check (source in ('CSV', 'HISTORY', 'IMPORT')),
    source_name      text,
    data_from        date,
    data_to          date,
    horizon_days     int,
    cases            int not null,
    bads             int not null,
    features         text[] not null,
    metrics          jsonb not null,
    bands            jsonb not null,
    psi_reference    jsonb not null,
    charts           jsonb not null,
    model_file       text not null,
    model_digest     bytea not null,
    training_seconds double precision not null,
    trained_at       timestamptz not null,
    trained_by       text not null,
    activated_at     timestamptz,
    activated_by     text,
    activation_note  text,
    primary key (tenant_id, id),
    check (length(name) between 1 and 200)
);
create unique index scoring_model_version on scoring_model (tenant_id, purpose, version);
create unique index scoring_model_champion on scoring_model (tenant_id, purpose) where role = 'CHAMPION';
create unique index scoring_model_challenger on scoring_model (tenant_id, purpose) where role = 'CHALLENGER';
select enable_tenant_isolation('scoring_model');

-- A training run: a CSV upload (kept only until the run ends) or the tenant's own history, run by a db-scheduler
-- task on any node; progress is written as the folds finish so the console can show it.
create table scoring_training (
    tenant_id   uuid not null references tenant (id),
    id          uuid not null,
    purpose     text not null check (purpose in ('ACCEPTANCE', 'COLLECTABILITY')),
    source      text not null check (source in ('CSV', 'HISTORY')),
    source_name text,
    parameters  jsonb not null,
    upload      bytea,
    status      text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress    int not null default 0 check (progress between 0 and 100),
    stage       text,
    error       text,
    model_id    uuid,
    created_at  timestamptz not null,
    created_by  text not null,
    started_at  timestamptz,
    finished_at timestamptz,
    primary key (tenant_id, id)
);
create index scoring_training_created on scoring_training (tenant_id, created_at desc);
select enable_tenant_isolation('scoring_training');

-- Every score served (API, hooks, portfolio runs): the population the stability monitor compares with training.
-- No feature values: a score and its model are enough for PSI, and the features may be personal data.
create table scoring_score_log (
    tenant_id   uuid not null,
    model_id    uuid not null,
    scored_at   timestamptz not null,
    score       double precision not null,
    probability double precision not null,
    band        text not null,
    role        text not null check (role in ('CHAMPION', 'CHALLENGER')),
    channel     text not null,
    debtor_id   uuid,
    invoice_id  uuid,
    foreign key (tenant_id, model_id) references scoring_model (tenant_id, id)
);
create index scoring_score_log_model on scoring_score_log (tenant_id, model_id, scored_at);
create index scoring_score_log_debtor on scoring_score_log (tenant_id, debtor_id) where debtor_id is not null;
select enable_tenant_isolation('scoring_score_log');

-- PSI of an active model's recent population against its training reference, one row per measurement.
create table scoring_stability (
    tenant_id   uuid not null,
    id          uuid not null,
    model_id    uuid not null,
    measured_at timestamptz not null,
    population  int not null,
    psi         double precision not null,
    status      text not null check (status in ('STABLE', 'WATCH', 'DRIFTED')),
    bands       jsonb not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, model_id) references scoring_model (tenant_id, id)
);
create index scoring_stability_model on scoring_stability (tenant_id, model_id, measured_at desc);
select enable_tenant_isolation('scoring_stability');

-- Tenants with an active model, for the stability job (ids only; runs before any tenant is entered).
create function scoring_tenants_with_active_models() returns setof uuid
    language sql stable security definer set search_path = public
as $$
    select distinct tenant_id from scoring_model where role in ('CHAMPION', 'CHALLENGER')
$$;
revoke all on function scoring_tenants_with_active_models() from public;
grant execute on function scoring_tenants_with_active_models() to ${appRole};
