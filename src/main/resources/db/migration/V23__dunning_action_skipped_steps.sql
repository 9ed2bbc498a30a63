-- A first run (or a run after a pause) often finds several steps of an invoice due at once and takes only the latest
-- (catch-up, LATEST_ONLY). The steps it passed over were rows of their own (status SKIPPED): two thirds of the
-- 127,000 actions a first run plans for 50,000 invoices, and most of the planning time (every row goes through the
-- heap, six indexes and the ON CONFLICT arbiter). Now the planned action names them; rows already SKIPPED stay.
alter table dunning_action add column skipped_steps text[];

comment on column dunning_action.skipped_steps is
    'step keys this action''s run passed over on catch-up (a later step was due in the same run), in step order';

-- Every action as the history shows it: the rows, plus one SKIPPED entry per step a planned action passed over
-- (a stable id derived from the action and the step). security_invoker: row-level security of dunning_action applies
-- to whoever reads the view.
create view dunning_action_log with (security_invoker = true) as
select a.tenant_id, a.id, a.item_id, a.item_kind, a.invoice_id, a.debtor_id, a.flow_id, a.flow_version, a.step_key,
       a.step_seq, a.action_date, a.status, a.reason, a.run_id, a.executed_at, a.executed_run, a.message_ids,
       a.outcome, a.created_at
  from dunning_action a
union all
select a.tenant_id, md5(a.id::text || '/' || sk.step_key)::uuid, a.item_id, a.item_kind, a.invoice_id, a.debtor_id,
       a.flow_id, a.flow_version, sk.step_key, coalesce(s.seq, a.step_seq), a.action_date, 'SKIPPED',
       'catch-up: a later step was due in the same run', a.run_id, null, null, null, null, a.created_at
  from dunning_action a
  cross join lateral unnest(a.skipped_steps) as sk(step_key)
  left join dunning_flow_step s on s.tenant_id = a.tenant_id and s.flow_id = a.flow_id
                               and s.version = a.flow_version and s.step_key = sk.step_key
 where a.skipped_steps is not null;
