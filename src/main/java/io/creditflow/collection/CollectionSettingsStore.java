package io.creditflow.collection;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's collection settings (defaults until saved) and the agency's callback secret. */
@Component
public class CollectionSettingsStore {

    private static final String SECRET_PLACE = "collection/agency-secret";
    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    CollectionSettingsStore(DSLContext dsl, PersonalDataVault vault, AuditLog audit) {
        this.dsl = dsl;
        this.vault = vault;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public CollectionSettings get() {
        return dsl.resultQuery("select * from collection_settings").fetchOptional(r -> new CollectionSettings(
                r.get("collects_for_third_parties", Boolean.class),
                r.get("auto_handoff_stage", String.class) == null ? null
                        : Stage.valueOf(r.get("auto_handoff_stage", String.class)),
                r.get("stage_interval_days", Integer.class), r.get("dossier_retention_years", Integer.class),
                r.get("agency", String.class))).orElse(CollectionSettings.DEFAULTS);
    }

    /** Saves the settings; bad values fail naming the field and change nothing. */
    @Transactional
    public CollectionSettings save(CollectionSettings s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.stageIntervalDays() < 1 || s.stageIntervalDays() > 365) {
            errors.add(new FieldError("stageIntervalDays", "1 to 365"));
        }
        if (s.dossierRetentionYears() < 2) {
            errors.add(new FieldError("dossierRetentionYears", "at least 2 (Wet kwaliteit incassodienstverlening)"));
        }
        if (s.autoHandoffStage() != null && s.autoHandoffStage().ordinal() < Stage.NOTICE_OF_DEFAULT.ordinal()) {
            errors.add(new FieldError("autoHandoffStage", "NOTICE_OF_DEFAULT or later: a debtor is put in default "
                    + "before a bailiff is instructed"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The collection settings have invalid fields.", errors);
        }
        dsl.execute("""
                insert into collection_settings (tenant_id, collects_for_third_parties, auto_handoff_stage,
                       stage_interval_days, dossier_retention_years, agency)
                values (current_tenant(), {0}, {1}, {2}, {3}, {4})
                on conflict (tenant_id) do update set collects_for_third_parties = excluded.collects_for_third_parties,
                       auto_handoff_stage = excluded.auto_handoff_stage, stage_interval_days = excluded.stage_interval_days,
                       dossier_retention_years = excluded.dossier_retention_years, agency = excluded.agency,
                       updated_at = now()""", s.collectsForThirdParties(),
                s.autoHandoffStage() == null ? null : s.autoHandoffStage().name(), s.stageIntervalDays(),
                s.dossierRetentionYears(), s.agency());
        audit.record(AuditEvent.of("collection.settings-saved", "tenant", TenantContext.require())
                .detail("wki", s.collectsForThirdParties()).detail("agency", s.agency()));
        return s;
    }

    /** Makes a new callback secret for the agency; returned once, stored encrypted. */
    @Transactional
    public String rotateAgencySecret() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = "cas_" + HexFormat.of().formatHex(raw);
        UUID tenant = TenantContext.require();
        save(get());
        dsl.execute("update collection_settings set agency_secret = {0}",
                (Object) vault.encrypt(tenant, SECRET_PLACE, secret));
        audit.record(AuditEvent.of("collection.agency-secret-rotated", "tenant", tenant));
        return secret;
    }

    /** The agency's callback secret, if one was made. */
    @Transactional(readOnly = true)
    public Optional<String> agencySecret() {
        UUID tenant = TenantContext.require();
        return dsl.resultQuery("select agency_secret from collection_settings").fetchOptional(r -> r.get(0, byte[].class))
                .flatMap(b -> b == null ? Optional.empty() : vault.decrypt(tenant, SECRET_PLACE, b));
    }
}
