package io.creditflow.dunning;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.messaging.MessageTemplates;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The current tenant's flows. Saving a definition makes a new version (never changing an old one, so what happened
 * under a version stays explainable) and activates it; the run always uses each flow's active version. A step keeps
 * its identity across versions by its key.
 */
@Component
public class Flows {

    private final DSLContext dsl;
    private final JsonMapper json;
    private final MessageTemplates templates;
    private final DunningSettingsStore settings;
    private final AuditLog audit;

    Flows(DSLContext dsl, JsonMapper json, MessageTemplates templates, DunningSettingsStore settings, AuditLog audit) {
        this.dsl = dsl;
        this.json = json;
        this.templates = templates;
        this.settings = settings;
        this.audit = audit;
    }

    public record FlowInfo(UUID id, String key, String name, @Nullable Integer activeVersion, boolean isDefault,
                           OffsetDateTime createdAt) {
    }

    public record VersionInfo(int version, OffsetDateTime createdAt, @Nullable String createdBy,
                              @Nullable String comment) {
    }

    public record Saved(UUID flowId, int version) {
    }

    @Transactional(readOnly = true)
    public List<FlowInfo> list() {
        UUID defaultFlow = settings.defaultFlow().orElse(null);
        return dsl.resultQuery("select id, flow_key, name, active_version, created_at from dunning_flow order by name")
                .fetch(r -> new FlowInfo(r.get("id", UUID.class), r.get("flow_key", String.class),
                        r.get("name", String.class), r.get("active_version", Integer.class),
                        r.get("id", UUID.class).equals(defaultFlow), r.get("created_at", OffsetDateTime.class)));
    }

    @Transactional(readOnly = true)
    public Optional<UUID> idOf(String key) {
        return dsl.resultQuery("select id from dunning_flow where flow_key = {0}", key).fetchOptional()
                .map(r -> r.get(0, UUID.class));
    }

    /** Validates and saves a new version (creating the flow on first save) and activates it. */
    @Transactional
    public Saved save(FlowDefinition flow, @Nullable String comment) {
        List<FieldError> errors = FlowValidation.check(flow, templates);
        if (!errors.isEmpty()) {
            throw new ValidationException("The flow has errors.", errors);
        }
        UUID id = idOf(flow.key()).orElseGet(() -> {
            UUID fresh = Ids.newId();
            dsl.execute("insert into dunning_flow (tenant_id, id, flow_key, name) values (current_tenant(), {0}, {1}, {2})",
                    fresh, flow.key(), flow.name());
            return fresh;
        });
        int version = dsl.resultQuery("select coalesce(max(version), 0) + 1 from dunning_flow_version "
                + "where flow_id = {0}", id).fetchSingle().get(0, Integer.class);
        dsl.execute("""
                insert into dunning_flow_version (tenant_id, flow_id, version, definition, comment, created_by)
                values (current_tenant(), {0}, {1}, {2}::jsonb, {3}, {4})""", id, version,
                json.writeValueAsString(flow), comment, Actor.current().name());
        insertSteps(id, version, flow);
        dsl.execute("update dunning_flow set active_version = {0}, name = {1} where id = {2}", version, flow.name(), id);
        if (settings.defaultFlow().isEmpty()) {
            settings.setDefaultFlow(id);
        }
        audit.record(AuditEvent.of("dunning.flow-saved", "dunning-flow", id).detail("key", flow.key())
                .detail("version", version));
        return new Saved(id, version);
    }

    private void insertSteps(UUID flowId, int version, FlowDefinition flow) {
        for (int i = 0; i < flow.steps().size(); i++) {
            FlowDefinition.Step s = flow.steps().get(i);
            FlowDefinition.Conditions c = s.when() == null
                    ? new FlowDefinition.Conditions(null, null, null, null, null, null, null, null, null, false)
                    : s.when();
            dsl.execute("""
                    insert into dunning_flow_step (tenant_id, flow_id, version, seq, step_key, label, offset_days,
                        min_days_after_previous, mandatory, legal_notice, debtor_type, min_amount, max_amount,
                        min_days_overdue, max_days_overdue, languages, tags_any, tags_none, score_bands,
                        letter_deadline_passed, actions)
                    values (current_tenant(), {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13},
                            {14}, {15}, {16}, {17}, {18}, {19}::jsonb)""",
                    flowId, version, i + 1, s.key(), s.displayLabel(), s.offsetDays(),
                    s.minDaysAfterPrevious() == null ? 0 : s.minDaysAfterPrevious(), s.mandatory(), s.legalNotice(),
                    c.debtorType(), c.minAmount(), c.maxAmount(), c.minDaysOverdue(), c.maxDaysOverdue(),
                    array(c.languages()), array(c.tagsAny()), array(c.tagsNone()), array(c.scoreBands()),
                    c.letterDeadlinePassed(), json.writeValueAsString(s.actions()));
        }
    }

    private static String @Nullable [] array(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? null : values.toArray(String[]::new);
    }

    /** The active definition of a flow. */
    @Transactional(readOnly = true)
    public FlowDefinition active(UUID flowId) {
        return version(flowId, dsl.resultQuery("select active_version from dunning_flow where id = {0}", flowId)
                .fetchOptional().map(r -> r.get(0, Integer.class))
                .orElseThrow(() -> new NotFoundException("Flow", flowId)));
    }

    @Transactional(readOnly = true)
    public FlowDefinition version(UUID flowId, int version) {
        return dsl.resultQuery("select definition from dunning_flow_version where flow_id = {0} and version = {1}",
                        flowId, version).fetchOptional()
                .map(r -> json.readValue(r.get(0, JSONB.class).data(), FlowDefinition.class))
                .orElseThrow(() -> new NotFoundException("Flow version", flowId + "#" + version));
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> versions(UUID flowId) {
        return dsl.resultQuery("select version, created_at, created_by, comment from dunning_flow_version "
                        + "where flow_id = {0} order by version desc", flowId)
                .fetch(r -> new VersionInfo(r.get("version", Integer.class), r.get("created_at", OffsetDateTime.class),
                        r.get("created_by", String.class), r.get("comment", String.class)));
    }

    /** Makes an earlier version active again (a rollback). */
    @Transactional
    public void activate(UUID flowId, int version) {
        version(flowId, version);
        dsl.execute("update dunning_flow set active_version = {0} where id = {1}", version, flowId);
        audit.record(AuditEvent.of("dunning.flow-activated", "dunning-flow", flowId).detail("version", version));
    }

    /** Imports a JSON or YAML definition as a new version. */
    @Transactional
    public Saved importText(String text, @Nullable String comment) {
        return save(FlowFormat.parse(text), comment);
    }

    public String export(UUID flowId, FlowFormat.Kind kind) {
        return FlowFormat.write(active(flowId), kind);
    }

    /** A rule: debtors of this type and/or with this tag follow this flow; lower priority numbers are tried first. */
    public record Rule(UUID id, int priority, @Nullable String debtorType, @Nullable String tag, UUID flowId) {
    }

    @Transactional(readOnly = true)
    public List<Rule> rules() {
        return dsl.resultQuery("select id, priority, debtor_type, tag, flow_id from dunning_assignment_rule "
                + "order by priority").fetch(r -> new Rule(r.get("id", UUID.class), r.get("priority", Integer.class),
                r.get("debtor_type", String.class), r.get("tag", String.class), r.get("flow_id", UUID.class)));
    }

    @Transactional
    public UUID addRule(int priority, @Nullable String debtorType, @Nullable String tag, UUID flowId) {
        if (debtorType != null && !List.of("CONSUMER", "BUSINESS").contains(debtorType)) {
            throw new ValidationException("Invalid rule.", List.of(new FieldError("debtorType", "CONSUMER or BUSINESS")));
        }
        active(flowId);
        UUID id = Ids.newId();
        dsl.execute("insert into dunning_assignment_rule (tenant_id, id, priority, debtor_type, tag, flow_id) "
                + "values (current_tenant(), {0}, {1}, {2}, {3}, {4})", id, priority, debtorType,
                tag == null || tag.isBlank() ? null : tag.trim(), flowId);
        audit.record(AuditEvent.of("dunning.rule-added", "dunning-rule", id));
        return id;
    }

    @Transactional
    public void removeRule(UUID id) {
        dsl.execute("delete from dunning_assignment_rule where id = {0}", id);
        audit.record(AuditEvent.of("dunning.rule-removed", "dunning-rule", id));
    }

    /** Overrides the flow of one debtor (null: back to the rules). */
    @Transactional
    public void assignDebtor(UUID debtorId, @Nullable UUID flowId) {
        if (flowId == null) {
            dsl.execute("delete from dunning_debtor_flow where debtor_id = {0}", debtorId);
        } else {
            active(flowId);
            dsl.execute("""
                    insert into dunning_debtor_flow (tenant_id, debtor_id, flow_id, set_by) values (current_tenant(), {0}, {1}, {2})
                    on conflict (tenant_id, debtor_id) do update set flow_id = excluded.flow_id, set_by = excluded.set_by,
                       set_at = now()""", debtorId, flowId, Actor.current().name());
        }
        audit.record(AuditEvent.of("dunning.debtor-flow-set", "debtor", debtorId).subject(debtorId)
                .detail("flow", String.valueOf(flowId)));
    }

    /** The flow a debtor follows: override, else first matching rule, else the default. */
    @Transactional(readOnly = true)
    public Optional<UUID> flowOf(UUID debtorId) {
        return dsl.resultQuery("""
                select coalesce(
                  (select flow_id from dunning_debtor_flow where debtor_id = d.id),
                  (select r.flow_id from dunning_assignment_rule r
                    where (r.debtor_type is null or r.debtor_type = d.type) and (r.tag is null or r.tag = any(d.tags))
                    order by r.priority limit 1),
                  (select default_flow_id from dunning_settings)) from debtor d where d.id = {0}""", debtorId)
                .fetchOptional().map(r -> r.get(0, UUID.class));
    }

    @Transactional(readOnly = true)
    public Optional<UUID> overrideOf(UUID debtorId) {
        return dsl.resultQuery("select flow_id from dunning_debtor_flow where debtor_id = {0}", debtorId)
                .fetchOptional().map(r -> r.get(0, UUID.class));
    }

    static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new BusinessRuleException(rule, message);
        }
    }
}
