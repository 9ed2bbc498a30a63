package io.creditflow.payments.directdebit;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.SepaMandateRecord;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ConflictException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.receivables.Debtors;
import io.creditflow.shared.Iban;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PAYER_ACCOUNT;
import static io.creditflow.jooq.Tables.SEPA_MANDATE;

/**
 * SEPA direct-debit mandates: the debtor's authorisation to collect from their account. The account is stored
 * encrypted under the debtor's key. A mandate lapses when unused for 36 months (EPC rulebook): the next collection
 * would need a new one.
 */
@Component
public class Mandates {

    public static final int LAPSE_MONTHS = 36;
    /** Where a mandate's account is encrypted (under the debtor's key). */
    public static final String PLACE = "payments/mandate";

    public record Mandate(UUID id, UUID debtorId, String reference, LocalDate signedOn, String type, String scheme,
                          String ibanMasked, @Nullable String bic, String status, @Nullable LocalDate firstCollected,
                          @Nullable LocalDate lastCollected, @Nullable String statusReason) {
    }

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final Debtors debtors;
    private final AuditLog audit;
    private final Clock clock;

    Mandates(DSLContext dsl, PersonalDataVault vault, Debtors debtors, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.vault = vault;
        this.debtors = debtors;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Mandate register(UUID debtorId, @Nullable String reference, LocalDate signedOn, String iban,
                            @Nullable String bic, String type, String scheme) {
        List<BusinessRuleException.FieldError> errors = new ArrayList<>();
        if (!Iban.isValid(iban)) {
            errors.add(new BusinessRuleException.FieldError("iban", "is not a valid IBAN"));
        }
        if (signedOn.isAfter(LocalDate.now(clock))) {
            errors.add(new BusinessRuleException.FieldError("signedOn", "must not be in the future"));
        }
        if (!List.of("RECURRENT", "ONE_OFF").contains(type)) {
            errors.add(new BusinessRuleException.FieldError("type", "RECURRENT or ONE_OFF"));
        }
        if (!List.of("CORE", "B2B").contains(scheme)) {
            errors.add(new BusinessRuleException.FieldError("scheme", "CORE or B2B"));
        }
        String ref = reference == null || reference.isBlank()
                ? "CF-" + Ids.newId().toString().replace("-", "").toUpperCase() : reference.strip();
        if (!ref.matches("[A-Za-z0-9+?/:().,' -]{1,35}")) {
            errors.add(new BusinessRuleException.FieldError("reference", "1-35 letters, digits or +?/:().,'- "));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The mandate has invalid fields.", errors);
        }
        debtors.get(debtorId);
        if (dsl.fetchExists(SEPA_MANDATE, SEPA_MANDATE.REFERENCE.eq(ref))) {
            throw new ConflictException("Mandate reference " + ref + " is already used.");
        }
        UUID id = Ids.newId();
        String normalised = Iban.parse(iban).value();
        byte[] index = vault.blindIndex(BlindIndex.IBAN, normalised);
        dsl.insertInto(SEPA_MANDATE).set(SEPA_MANDATE.TENANT_ID, TenantContext.require()).set(SEPA_MANDATE.ID, id)
                .set(SEPA_MANDATE.DEBTOR_ID, debtorId).set(SEPA_MANDATE.REFERENCE, ref)
                .set(SEPA_MANDATE.SIGNED_ON, signedOn).set(SEPA_MANDATE.TYPE, type).set(SEPA_MANDATE.SCHEME, scheme)
                .set(SEPA_MANDATE.IBAN, vault.encrypt(debtorId, PLACE + "/" + id, normalised))
                .set(SEPA_MANDATE.IBAN_INDEX, index).set(SEPA_MANDATE.BIC, bic == null || bic.isBlank() ? null : bic)
                .set(SEPA_MANDATE.STATUS, "ACTIVE").set(SEPA_MANDATE.CREATED_BY, Actor.current().name()).execute();
        dsl.insertInto(PAYER_ACCOUNT).set(PAYER_ACCOUNT.TENANT_ID, TenantContext.require())
                .set(PAYER_ACCOUNT.IBAN_INDEX, index).set(PAYER_ACCOUNT.DEBTOR_ID, debtorId)
                .set(PAYER_ACCOUNT.LEARNED, "MANUAL").onConflictDoNothing().execute();
        audit.record(AuditEvent.of("mandate.registered", "sepa-mandate", id).subject(debtorId)
                .detail("reference", ref).detail("type", type));
        return get(id);
    }

    @Transactional
    public Mandate revoke(UUID id, String reason) {
        Mandate mandate = get(id);
        int changed = dsl.update(SEPA_MANDATE).set(SEPA_MANDATE.STATUS, "REVOKED").set(SEPA_MANDATE.STATUS_REASON, reason)
                .set(SEPA_MANDATE.UPDATED_AT, OffsetDateTime.now(clock))
                .where(SEPA_MANDATE.ID.eq(id)).and(SEPA_MANDATE.STATUS.eq("ACTIVE")).execute();
        if (changed == 0) {
            throw new BusinessRuleException("mandate-not-active", "Mandate " + mandate.reference() + " is "
                    + mandate.status().toLowerCase() + ".");
        }
        audit.record(AuditEvent.of("mandate.revoked", "sepa-mandate", id).subject(mandate.debtorId()));
        return get(id);
    }

    /** Marks mandates unused for 36 months as lapsed (set-based); returns how many. */
    @Transactional
    public int lapse(LocalDate today) {
        LocalDate cutoff = today.minusMonths(LAPSE_MONTHS);
        return dsl.update(SEPA_MANDATE).set(SEPA_MANDATE.STATUS, "LAPSED")
                .set(SEPA_MANDATE.STATUS_REASON, "unused for " + LAPSE_MONTHS + " months")
                .set(SEPA_MANDATE.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(SEPA_MANDATE.STATUS.eq("ACTIVE"))
                .and(DSL.coalesce(SEPA_MANDATE.LAST_COLLECTED, SEPA_MANDATE.SIGNED_ON).lt(cutoff)).execute();
    }

    public Mandate get(UUID id) {
        return dsl.selectFrom(SEPA_MANDATE).where(SEPA_MANDATE.ID.eq(id)).fetchOptional().map(this::toMandate)
                .orElseThrow(() -> new NotFoundException("Mandate", id));
    }

    public List<Mandate> list(@Nullable UUID debtorId, int limit) {
        return dsl.selectFrom(SEPA_MANDATE).where(debtorId == null ? DSL.noCondition()
                        : SEPA_MANDATE.DEBTOR_ID.eq(debtorId)).orderBy(SEPA_MANDATE.CREATED_AT.desc()).limit(limit)
                .fetch(this::toMandate);
    }

    /** The account to collect from (decrypted; the caller writes it into a collection file). */
    String iban(SepaMandateRecord r) {
        return vault.decrypt(r.getDebtorId(), PLACE + "/" + r.getId(), r.getIban()).orElseThrow(() ->
                new BusinessRuleException("debtor-erased", "The debtor of mandate " + r.getReference()
                        + " was erased; the mandate cannot be used."));
    }

    private Mandate toMandate(SepaMandateRecord r) {
        String masked = vault.decrypt(r.getDebtorId(), PLACE + "/" + r.getId(), r.getIban())
                .map(i -> Iban.parse(i).masked()).orElse("[erased]");
        return new Mandate(r.getId(), r.getDebtorId(), r.getReference(), r.getSignedOn(), r.getType(), r.getScheme(),
                masked, r.getBic(), r.getStatus(), r.getFirstCollected(), r.getLastCollected(), r.getStatusReason());
    }
}
