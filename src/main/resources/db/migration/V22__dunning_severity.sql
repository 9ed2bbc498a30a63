-- How far dunning went with a debtor: the severity of the worst step actually taken (status DONE) since a date, per
-- debtor, for other modules (acceptance's credit checks call it inside their facts query; dunning.DunningSeverity
-- wraps it for Java callers). One set-based statement over dunning_action (index dunning_action_debtor), joined to
-- the step definitions of the version the action was taken under.
--
-- Severity, from the step's definition (not its key, which a tenant names freely):
--   1 PRE_DUE      a courtesy notice before the due date (negative offset)
--   2 REMINDER     a reminder after the due date
--   3 FINAL_NOTICE a legal notice (legalNotice: the consumer 14-day letter, the business final notice)
--   4 COLLECTION   the claim went further: costs charged or a collection case opened
-- A debtor without any step taken in the period has no row (callers read that as 0, NONE).
create function dunning_step_severity(p_offset_days int, p_legal_notice boolean, p_actions jsonb)
    returns int language sql immutable parallel safe
as $$
    select case
        when p_actions @> '[{"type": "COLLECTION_CASE"}]' or p_actions @> '[{"type": "CHARGE_COSTS"}]' then 4
        when p_legal_notice then 3
        when p_offset_days >= 0 then 2
        else 1
    end
$$;

create function dunning_worst_steps(p_debtors uuid[], p_since date)
    returns table (debtor_id uuid, severity int, step_key text, action_date date)
    language sql stable
as $$
    select distinct on (a.debtor_id) a.debtor_id,
           dunning_step_severity(s.offset_days, s.legal_notice, s.actions), a.step_key, a.action_date
      from dunning_action a
      join dunning_flow_step s on s.tenant_id = a.tenant_id and s.flow_id = a.flow_id
                              and s.version = a.flow_version and s.step_key = a.step_key
     where a.tenant_id = current_tenant() and a.debtor_id = any (p_debtors)
       and a.status = 'DONE' and a.action_date >= p_since
     order by a.debtor_id, 2 desc, a.action_date desc
$$;
