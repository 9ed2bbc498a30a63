package io.creditflow.privacy.rights;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.Contests;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.DataSubjectRequests;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.privacy.RectifiableField;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PRIVACY_RECTIFICATION;

/**
 * Rectification (GDPR art. 16) with its history: the module that owns the data replaces the fields; the previous
 * values and the reason are kept encrypted under the person's key, with who and when in clear. Open contests of the
 * rectified fields are resolved as rectified; a linked rectification request completes.
 */
@Component
public class Rectifications {

    private static final String PREVIOUS_PLACE = "privacy/rectification/previous";
    private static final String REASON_PLACE = "privacy/rectification/reason";

    /** One rectification as history: previous values and reason decrypted (empty once the person was erased). */
    public record Rectification(UUID id, String section, List<String> fields, Map<String, String> previous,
                                @Nullable String reason, @Nullable UUID requestId, OffsetDateTime rectifiedAt,
                                String rectifiedBy) {
    }

    private final Contributors contributors;
    private final PersonalDataVault vault;
    private final Contests contests;
    private final DataSubjectRequests requests;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final JsonMapper json;

    Rectifications(Contributors contributors, PersonalDataVault vault, Contests contests, DataSubjectRequests requests,
                   DSLContext dsl, AuditLog audit, JsonMapper json) {
        this.contributors = contributors;
        this.vault = vault;
        this.contests = contests;
        this.requests = requests;
        this.dsl = dsl;
        this.audit = audit;
        this.json = json;
    }

    /** The rectifiable fields of every section that has some, with current values (an audited read). */
    @Transactional
    public Map<String, List<RectifiableField>> fields(UUID debtorId) {
        DataSubject subject = contributors.subject(debtorId);
        Map<String, List<RectifiableField>> bySection = new LinkedHashMap<>();
        for (PersonalDataContributor c : contributors.inExportOrder()) {
            List<RectifiableField> fields = c.rectifiableFields(subject);
            if (!fields.isEmpty()) {
                bySection.put(c.section(), fields);
            }
        }
        audit.record(AuditEvent.of("debtor.read", "debtor", debtorId).subject(debtorId).purpose("rectification"));
        return bySection;
    }

    /**
     * Rectifies the fields of one section whose values differ from the current ones; unchanged fields are ignored.
     * Refuses an empty change, an unknown field, and a missing reason.
     */
    @Transactional
    public Rectification rectify(UUID debtorId, String section, Map<String, String> newValues, String reason,
                                 @Nullable UUID requestId) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ValidationException("A rectification needs its reason.",
                    List.of(new FieldError("reason", "1 to 2000 characters")));
        }
        PersonalDataContributor contributor = contributors.bySection(section)
                .orElseThrow(() -> new NotFoundException("Section", section));
        DataSubject subject = contributors.subject(debtorId);
        Map<String, RectifiableField> current = new LinkedHashMap<>();
        contributor.rectifiableFields(subject).forEach(f -> current.put(f.key(), f));
        List<FieldError> unknown = new ArrayList<>();
        Map<String, String> changes = new LinkedHashMap<>();
        Map<String, String> previous = new LinkedHashMap<>();
        newValues.forEach((key, value) -> {
            RectifiableField field = current.get(key);
            if (field == null) {
                unknown.add(new FieldError(key, "not a rectifiable field of " + section));
            } else if (!Objects.equals(normalise(field.value()), normalise(value))) {
                changes.put(key, value == null ? "" : value);
                previous.put(key, field.value() == null ? "" : field.value());
            }
        });
        if (!unknown.isEmpty()) {
            throw new ValidationException("Unknown fields.", unknown);
        }
        if (changes.isEmpty()) {
            throw new BusinessRuleException("nothing-to-rectify", "No field has a new value.");
        }
        contributor.rectify(subject, changes);
        UUID id = Ids.newId();
        dsl.insertInto(PRIVACY_RECTIFICATION).set(PRIVACY_RECTIFICATION.TENANT_ID, TenantContext.require())
                .set(PRIVACY_RECTIFICATION.ID, id).set(PRIVACY_RECTIFICATION.DEBTOR_ID, debtorId)
                .set(PRIVACY_RECTIFICATION.SECTION, section)
                .set(PRIVACY_RECTIFICATION.FIELDS, changes.keySet().toArray(String[]::new))
                .set(PRIVACY_RECTIFICATION.PREVIOUS, vault.encrypt(debtorId, PREVIOUS_PLACE + "/" + id,
                        json.writeValueAsString(previous)))
                .set(PRIVACY_RECTIFICATION.REASON, vault.encrypt(debtorId, REASON_PLACE + "/" + id, reason.trim()))
                .set(PRIVACY_RECTIFICATION.REQUEST_ID, requestId)
                .set(PRIVACY_RECTIFICATION.RECTIFIED_BY, Actor.current().name()).execute();
        contests.resolveRectified(debtorId, section, changes.keySet());
        audit.record(AuditEvent.of("privacy.rectified", "debtor", debtorId).subject(debtorId)
                .detail("section", section).detail("fields", String.join(",", changes.keySet())));
        if (requestId != null) {
            requests.completeIfOpen(requestId, debtorId, DataSubjectRequests.Type.RECTIFICATION, "RECTIFIED",
                    "rectification " + id);
        }
        return history(debtorId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every rectification of the debtor, oldest first, with previous values and reasons decrypted. */
    public List<Rectification> history(UUID debtorId) {
        return dsl.selectFrom(PRIVACY_RECTIFICATION).where(PRIVACY_RECTIFICATION.DEBTOR_ID.eq(debtorId))
                .orderBy(PRIVACY_RECTIFICATION.RECTIFIED_AT).fetch(r -> new Rectification(r.getId(), r.getSection(),
                        List.of(r.getFields()),
                        vault.decrypt(debtorId, PREVIOUS_PLACE + "/" + r.getId(), r.getPrevious())
                                .map(s -> json.readValue(s, new TypeReference<Map<String, String>>() { }))
                                .orElse(Map.of()),
                        vault.decrypt(debtorId, REASON_PLACE + "/" + r.getId(), r.getReason()).orElse(null),
                        r.getRequestId(), r.getRectifiedAt(), r.getRectifiedBy()));
    }

    private static String normalise(@Nullable String value) {
        return value == null ? "" : value.strip().replace("\r\n", "\n");
    }
}
