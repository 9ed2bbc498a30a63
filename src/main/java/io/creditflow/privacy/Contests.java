package io.creditflow.privacy;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.creditflow.jooq.Tables.PRIVACY_CONTEST;

/**
 * "Contested by the data subject" (GDPR art. 16 and 18(1)(a)): the person says a piece of their data is wrong and the
 * controller has not agreed (yet). The marker is shown wherever that data is shown (debtor page and API, invoice
 * page, exports) until it is resolved: rectified, upheld by the controller (with its reasons given to the person), or
 * withdrawn. The person's statement is stored encrypted under their key.
 */
@Component
public class Contests {

    /** An open contest, without the statement (for markers). */
    public record Contest(UUID id, UUID debtorId, String section, String field, OffsetDateTime contestedAt,
                          String contestedBy, @Nullable UUID requestId) {
    }

    public enum Resolution { RECTIFIED, UPHELD, WITHDRAWN }

    private static final String STATEMENT_PLACE = "privacy/contest";

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final AuditLog audit;

    Contests(DSLContext dsl, PersonalDataVault vault, AuditLog audit) {
        this.dsl = dsl;
        this.vault = vault;
        this.audit = audit;
    }

    @Transactional
    public Contest contest(UUID debtorId, String section, String field, @Nullable String statement,
                           @Nullable UUID requestId) {
        if (section.isBlank() || field.isBlank() || field.length() > 200) {
            throw new ValidationException("A contest names the section and field contested.",
                    List.of(new FieldError("field", "1 to 200 characters")));
        }
        if (statement != null && statement.length() > 4000) {
            throw new ValidationException("The statement is too long.",
                    List.of(new FieldError("statement", "at most 4000 characters")));
        }
        if (openFor(debtorId).stream().anyMatch(c -> c.section().equals(section) && c.field().equals(field))) {
            throw new BusinessRuleException("already-contested", "This field is contested already.");
        }
        UUID id = Ids.newId();
        dsl.insertInto(PRIVACY_CONTEST).set(PRIVACY_CONTEST.TENANT_ID, TenantContext.require())
                .set(PRIVACY_CONTEST.ID, id).set(PRIVACY_CONTEST.DEBTOR_ID, debtorId)
                .set(PRIVACY_CONTEST.SECTION, section).set(PRIVACY_CONTEST.FIELD, field)
                .set(PRIVACY_CONTEST.STATEMENT, statement == null || statement.isBlank() ? null
                        : vault.encrypt(debtorId, STATEMENT_PLACE + "/" + id, statement.trim()))
                .set(PRIVACY_CONTEST.REQUEST_ID, requestId)
                .set(PRIVACY_CONTEST.CONTESTED_BY, Actor.current().name()).execute();
        audit.record(AuditEvent.of("privacy.contested", "debtor", debtorId).subject(debtorId)
                .detail("section", section).detail("field", field));
        return openFor(debtorId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public void resolve(UUID contestId, Resolution resolution) {
        var row = dsl.selectFrom(PRIVACY_CONTEST).where(PRIVACY_CONTEST.ID.eq(contestId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Contest", contestId));
        if (row.getResolvedAt() != null) {
            throw new BusinessRuleException("already-resolved", "This contest was resolved already.");
        }
        dsl.update(PRIVACY_CONTEST).set(PRIVACY_CONTEST.RESOLVED_AT, OffsetDateTime.now())
                .set(PRIVACY_CONTEST.RESOLVED_BY, Actor.current().name())
                .set(PRIVACY_CONTEST.RESOLUTION, resolution.name()).where(PRIVACY_CONTEST.ID.eq(contestId)).execute();
        audit.record(AuditEvent.of("privacy.contest-resolved", "debtor", row.getDebtorId()).subject(row.getDebtorId())
                .detail("field", row.getField()).detail("resolution", resolution.name()));
    }

    /** Resolves open contests of these fields as rectified (called when the fields were rectified). */
    @Transactional
    public int resolveRectified(UUID debtorId, String section, Collection<String> fields) {
        return dsl.update(PRIVACY_CONTEST).set(PRIVACY_CONTEST.RESOLVED_AT, OffsetDateTime.now())
                .set(PRIVACY_CONTEST.RESOLVED_BY, Actor.current().name())
                .set(PRIVACY_CONTEST.RESOLUTION, Resolution.RECTIFIED.name())
                .where(PRIVACY_CONTEST.DEBTOR_ID.eq(debtorId)).and(PRIVACY_CONTEST.SECTION.eq(section))
                .and(PRIVACY_CONTEST.FIELD.in(fields)).and(PRIVACY_CONTEST.RESOLVED_AT.isNull()).execute();
    }

    public List<Contest> openFor(UUID debtorId) {
        return dsl.selectFrom(PRIVACY_CONTEST).where(PRIVACY_CONTEST.DEBTOR_ID.eq(debtorId))
                .and(PRIVACY_CONTEST.RESOLVED_AT.isNull()).orderBy(PRIVACY_CONTEST.CONTESTED_AT)
                .fetch(r -> new Contest(r.getId(), r.getDebtorId(), r.getSection(), r.getField(), r.getContestedAt(),
                        r.getContestedBy(), r.getRequestId()));
    }

    /** Which of these debtors have open contests, with the contested fields (one query; for lists). */
    public Map<UUID, Set<String>> openAmong(Collection<UUID> debtorIds) {
        if (debtorIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<String>> result = new HashMap<>();
        dsl.select(PRIVACY_CONTEST.DEBTOR_ID, PRIVACY_CONTEST.FIELD).from(PRIVACY_CONTEST)
                .where(PRIVACY_CONTEST.DEBTOR_ID.in(debtorIds)).and(PRIVACY_CONTEST.RESOLVED_AT.isNull())
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new java.util.TreeSet<>()).add(r.value2()));
        return result;
    }

    /** Every contest of the debtor, resolved ones too, with the statement decrypted (exports; an audited read). */
    public List<Map<String, Object>> history(UUID debtorId) {
        return dsl.selectFrom(PRIVACY_CONTEST).where(PRIVACY_CONTEST.DEBTOR_ID.eq(debtorId))
                .orderBy(PRIVACY_CONTEST.CONTESTED_AT).fetch(r -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("id", r.getId().toString());
                    m.put("section", r.getSection());
                    m.put("field", r.getField());
                    m.put("statement", r.getStatement() == null ? null : vault.decrypt(debtorId,
                            STATEMENT_PLACE + "/" + r.getId(), r.getStatement()).orElse(null));
                    m.put("contestedAt", r.getContestedAt().toString());
                    m.put("resolvedAt", r.getResolvedAt() == null ? null : r.getResolvedAt().toString());
                    m.put("resolution", r.getResolution());
                    return m;
                });
    }

    /** The contested fields of one debtor, for markers next to the data. */
    public Set<String> contestedFields(UUID debtorId) {
        return openFor(debtorId).stream().map(Contest::field).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
