package io.creditflow.dunning;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes the current tenant's {@link DunningSettings} and default flow. */
@Component
public class DunningSettingsStore {

    private final DSLContext dsl;
    private final JsonMapper json;
    private final Tenants tenants;
    private final AuditLog audit;

    DunningSettingsStore(DSLContext dsl, JsonMapper json, Tenants tenants, AuditLog audit) {
        this.dsl = dsl;
        this.json = json;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public DunningSettings get() {
        return dsl.resultQuery("select settings from dunning_settings").fetchOptional()
                .map(r -> json.readValue(r.get(0, JSONB.class).data(), DunningSettings.class))
                .orElseGet(() -> {
                    var t = tenants.find(TenantContext.require());
                    return DunningSettings.defaults(t.name(), t.country());
                });
    }

    @Transactional(readOnly = true)
    public Optional<UUID> defaultFlow() {
        return dsl.resultQuery("select default_flow_id from dunning_settings").fetchOptional()
                .map(r -> r.get(0, UUID.class));
    }

    @Transactional
    public void save(DunningSettings settings) {
        List<BusinessRuleException.FieldError> errors = new ArrayList<>();
        if (settings.creditorName() == null || settings.creditorName().isBlank()) {
            errors.add(new BusinessRuleException.FieldError("creditorName", "required"));
        }
        if (settings.postDeliveryDays() < 0 || settings.postDeliveryDays() > 10) {
            errors.add(new BusinessRuleException.FieldError("postDeliveryDays", "0 to 10"));
        }
        if (settings.emailDeliveryDays() < 0 || settings.emailDeliveryDays() > 10) {
            errors.add(new BusinessRuleException.FieldError("emailDeliveryDays", "0 to 10"));
        }
        if (settings.webhookUrl() != null && !settings.webhookUrl().isBlank()
                && (settings.webhookSecret() == null || settings.webhookSecret().length() < 16)) {
            errors.add(new BusinessRuleException.FieldError("webhookSecret", "at least 16 characters with a URL"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The dunning settings are invalid.", errors);
        }
        dsl.execute("""
                insert into dunning_settings (tenant_id, settings) values (current_tenant(), {0}::jsonb)
                on conflict (tenant_id) do update set settings = excluded.settings, updated_at = now()""",
                json.writeValueAsString(settings));
        audit.record(AuditEvent.of("dunning.settings-saved", "dunning-settings", TenantContext.require()));
    }

    @Transactional
    public void setDefaultFlow(@Nullable UUID flowId) {
        dsl.execute("""
                insert into dunning_settings (tenant_id, default_flow_id, settings)
                values (current_tenant(), {0}, {1}::jsonb)
                on conflict (tenant_id) do update set default_flow_id = excluded.default_flow_id, updated_at = now()""",
                flowId, json.writeValueAsString(get()));
    }
}
