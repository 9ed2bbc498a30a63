package io.creditflow.payments.reconciliation;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.PaymentSettingsRecord;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.shared.Iban;
import io.creditflow.shared.SepaCreditorId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.creditflow.jooq.Tables.PAYMENT_SETTINGS;

/** The current tenant's payment settings: defaults until someone changes them. */
@Component
public class PaymentSettingsStore {

    private final DSLContext dsl;
    private final AuditLog audit;

    PaymentSettingsStore(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    public PaymentSettings current() {
        return dsl.selectFrom(PAYMENT_SETTINGS).fetchOptional().map(PaymentSettingsStore::toSettings)
                .orElseGet(PaymentSettings::defaults);
    }

    @Transactional
    public PaymentSettings save(PaymentSettings s) {
        validate(s);
        PaymentSettingsRecord r = dsl.newRecord(PAYMENT_SETTINGS);
        r.setTenantId(TenantContext.require());
        r.setAutoApplyThreshold(BigDecimal.valueOf(s.autoApplyThreshold()).setScale(3, RoundingMode.HALF_UP));
        r.setWriteOffTolerance(s.writeOffTolerance().setScale(2, RoundingMode.HALF_UP));
        r.setSurplus(s.surplus().name());
        r.setPlanGraceDays(s.planGraceDays());
        r.setPromiseGraceDays(s.promiseGraceDays());
        r.setInstalmentNoticeDays(s.instalmentNoticeDays());
        r.setCreditorName(blankToNull(s.creditorName()));
        r.setCreditorIban(s.creditorIban() == null || s.creditorIban().isBlank() ? null
                : Iban.parse(s.creditorIban()).value());
        r.setCreditorBic(blankToNull(s.creditorBic()));
        r.setCreditorId(s.creditorId() == null || s.creditorId().isBlank() ? null
                : SepaCreditorId.parse(s.creditorId()).value());
        r.setPreNotificationDays(s.preNotificationDays());
        r.setUpdatedAt(OffsetDateTime.now());
        dsl.insertInto(PAYMENT_SETTINGS).set(r).onConflict(PAYMENT_SETTINGS.TENANT_ID).doUpdate().set(r).execute();
        audit.record(AuditEvent.of("payments.settings-changed", "payment-settings", TenantContext.require())
                .detail("threshold", s.autoApplyThreshold()).detail("tolerance", s.writeOffTolerance().toPlainString()));
        return current();
    }

    private static void validate(PaymentSettings s) {
        List<BusinessRuleException.FieldError> errors = new ArrayList<>();
        if (s.autoApplyThreshold() < 0.5 || s.autoApplyThreshold() > 1) {
            errors.add(new BusinessRuleException.FieldError("autoApplyThreshold", "must be between 0.5 and 1"));
        }
        if (s.writeOffTolerance().signum() < 0 || s.writeOffTolerance().compareTo(new BigDecimal("100")) > 0) {
            errors.add(new BusinessRuleException.FieldError("writeOffTolerance", "must be between 0.00 and 100.00"));
        }
        range(errors, "planGraceDays", s.planGraceDays(), 0, 60);
        range(errors, "promiseGraceDays", s.promiseGraceDays(), 0, 60);
        range(errors, "instalmentNoticeDays", s.instalmentNoticeDays(), 0, 30);
        range(errors, "preNotificationDays", s.preNotificationDays(), 1, 30);
        if (s.creditorIban() != null && !s.creditorIban().isBlank() && !Iban.isValid(s.creditorIban())) {
            errors.add(new BusinessRuleException.FieldError("creditorIban", "is not a valid IBAN"));
        }
        if (s.creditorId() != null && !s.creditorId().isBlank()) {
            try {
                SepaCreditorId.parse(s.creditorId());
            } catch (IllegalArgumentException e) {
                errors.add(new BusinessRuleException.FieldError("creditorId", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The payment settings have invalid fields.", errors);
        }
    }

    private static void range(List<BusinessRuleException.FieldError> errors, String field, int value, int min,
                              int max) {
        if (value < min || value > max) {
            errors.add(new BusinessRuleException.FieldError(field, "must be between " + min + " and " + max));
        }
    }

    private static PaymentSettings toSettings(PaymentSettingsRecord r) {
        return new PaymentSettings(r.getAutoApplyThreshold().doubleValue(), r.getWriteOffTolerance(),
                PaymentSettings.Surplus.valueOf(r.getSurplus()), r.getPlanGraceDays(), r.getPromiseGraceDays(),
                r.getInstalmentNoticeDays(), r.getCreditorName(), r.getCreditorIban(), r.getCreditorBic(),
                r.getCreditorId(), r.getPreNotificationDays());
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
