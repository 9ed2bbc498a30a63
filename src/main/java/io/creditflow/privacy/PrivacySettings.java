package io.creditflow.privacy;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.creditflow.jooq.Tables.PRIVACY_SETTINGS;

/**
 * A tenant's privacy configuration: the purposes it processes debtors' data for (the processor agreement's agreed
 * purposes; nothing else may run), whether it opts in to cross-tenant use (off unless switched on explicitly), where
 * data may go (EEA only, or anywhere with safeguards), and how many working days it promises for data-subject requests.
 */
@Component
public class PrivacySettings {

    /** The purposes of the standard processor agreement. */
    public enum Purpose {
        COLLECTION("Collecting payment of outstanding invoices (reminders, payment arrangements, collection)"),
        SCORING("Scoring collectability from current and historical collection data"),
        CREDIT_LIMITS("Preventing over-crediting: credit checks and limits before an order");

        private final String description;

        Purpose(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public record Settings(Set<Purpose> purposes, boolean crossTenantOptIn, String residency,
                           int promisedWorkingDays, @Nullable String controllerContact,
                           @Nullable OffsetDateTime updatedAt, @Nullable String updatedBy) {
        public boolean allows(Purpose purpose) {
            return purposes.contains(purpose);
        }

        public boolean eeaOnly() {
            return "EEA".equals(residency);
        }
    }

    private final DSLContext dsl;
    private final AuditLog audit;

    PrivacySettings(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** The current tenant's settings (the defaults until it saves its own). */
    public Settings current() {
        return dsl.selectFrom(PRIVACY_SETTINGS).fetchOptional().map(r -> new Settings(purposes(r.getPurposes()),
                        r.getCrossTenantOptIn(), r.getResidency(), r.getPromisedWorkingDays(), r.getControllerContact(),
                        r.getUpdatedAt(), r.getUpdatedBy()))
                .orElse(new Settings(Set.of(Purpose.values()), false, "EEA", 5, null, null, null));
    }

    @Transactional
    public Settings save(Set<Purpose> purposes, boolean crossTenantOptIn, String residency, int promisedWorkingDays,
                         @Nullable String controllerContact) {
        List<FieldError> errors = new ArrayList<>();
        if (purposes.isEmpty()) {
            errors.add(new FieldError("purposes", "at least one purpose"));
        }
        if (!Set.of("EEA", "ANY").contains(residency)) {
            errors.add(new FieldError("residency", "EEA or ANY"));
        }
        if (promisedWorkingDays < 1 || promisedWorkingDays > 30) {
            errors.add(new FieldError("promisedWorkingDays", "between 1 and 30"));
        }
        if (controllerContact != null && controllerContact.length() > 500) {
            errors.add(new FieldError("controllerContact", "at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The privacy settings have invalid fields.", errors);
        }
        String[] names = purposes.stream().map(Enum::name).sorted().toArray(String[]::new);
        String contact = controllerContact == null || controllerContact.isBlank() ? null : controllerContact.trim();
        dsl.insertInto(PRIVACY_SETTINGS).set(PRIVACY_SETTINGS.TENANT_ID, TenantContext.require())
                .set(PRIVACY_SETTINGS.PURPOSES, names).set(PRIVACY_SETTINGS.CROSS_TENANT_OPT_IN, crossTenantOptIn)
                .set(PRIVACY_SETTINGS.RESIDENCY, residency)
                .set(PRIVACY_SETTINGS.PROMISED_WORKING_DAYS, promisedWorkingDays)
                .set(PRIVACY_SETTINGS.CONTROLLER_CONTACT, contact)
                .set(PRIVACY_SETTINGS.UPDATED_BY, Actor.current().name())
                .onConflict(PRIVACY_SETTINGS.TENANT_ID).doUpdate()
                .set(PRIVACY_SETTINGS.PURPOSES, names).set(PRIVACY_SETTINGS.CROSS_TENANT_OPT_IN, crossTenantOptIn)
                .set(PRIVACY_SETTINGS.RESIDENCY, residency)
                .set(PRIVACY_SETTINGS.PROMISED_WORKING_DAYS, promisedWorkingDays)
                .set(PRIVACY_SETTINGS.CONTROLLER_CONTACT, contact)
                .set(PRIVACY_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .set(PRIVACY_SETTINGS.UPDATED_BY, Actor.current().name()).execute();
        audit.record(AuditEvent.of("privacy.settings-changed", "tenant", TenantContext.require())
                .detail("purposes", String.join(",", names)).detail("crossTenantOptIn", crossTenantOptIn)
                .detail("residency", residency).detail("promisedWorkingDays", promisedWorkingDays));
        return current();
    }

    private static Set<Purpose> purposes(String[] names) {
        Set<Purpose> set = java.util.EnumSet.noneOf(Purpose.class);
        for (String n : names) {
            set.add(Purpose.valueOf(n));
        }
        return set;
    }
}
