package io.creditflow.privacy.rights;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.DataSubjectRequests;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.LegalHolds;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.privacy.Restrictions;
import io.creditflow.privacy.SubjectErased;
import io.creditflow.jooq.tables.records.PrivacyErasureRecord;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PRIVACY_ERASURE;

/**
 * Erasure (GDPR art. 17) through every module, then the subject's key is destroyed (crypto-shredding: every ciphertext
 * of the person, in the database and in backups taken since, is unreadable) and a certificate is issued: what was
 * erased, when, by whom, what was kept and under which legal ground. The certificate holds no personal data (ids,
 * counts, grounds), so it can itself be kept for as long as the tenant needs to prove the erasure.
 *
 * <p>With active legal holds (an open collection case) the key is not destroyed: each module minimises what it can,
 * keeps what the claim needs, processing is restricted to the claim, and the erasure completes (key shredded, final
 * certificate) when the last hold is released.
 */
@Component
public class Erasures {

    public enum Reason { REQUEST, RETENTION }

    public record Erasure(UUID id, UUID debtorId, @Nullable UUID requestId, String status, String reason,
                          OffsetDateTime erasedAt, String erasedBy, @Nullable OffsetDateTime completedAt,
                          String certificate, String sha256, @Nullable String finalCertificate,
                          @Nullable String finalSha256) {
        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        /** The certificate that tells the whole story: the final one once the erasure completed after a hold. */
        public String latestCertificate() {
            return finalCertificate != null ? finalCertificate : certificate;
        }

        public String latestSha256() {
            return finalSha256 != null ? finalSha256 : sha256;
        }
    }

    private final Contributors contributors;
    private final LegalHolds holds;
    private final PersonalDataVault vault;
    private final Restrictions restrictions;
    private final DataSubjectRequests requests;
    private final Tenants tenants;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TenantScope tenantScope;
    private final JsonMapper json;
    private final Clock clock;

    Erasures(Contributors contributors, LegalHolds holds, PersonalDataVault vault, Restrictions restrictions,
             DataSubjectRequests requests, Tenants tenants, DSLContext dsl, AuditLog audit,
             ApplicationEventPublisher events, TenantScope tenantScope, JsonMapper json, Clock clock) {
        this.contributors = contributors;
        this.holds = holds;
        this.vault = vault;
        this.restrictions = restrictions;
        this.requests = requests;
        this.tenants = tenants;
        this.dsl = dsl;
        this.audit = audit;
        this.events = events;
        this.tenantScope = tenantScope;
        this.json = json;
        this.clock = clock;
    }

    /** Erases a debtor in the current tenant; with a request id, the erasure request is completed by it. */
    @Transactional
    public Erasure erase(UUID debtorId, @Nullable UUID requestId, Reason reason) {
        Optional<Erasure> earlier = find(debtorId);
        if (earlier.isPresent()) {
            throw new BusinessRuleException(earlier.get().completed() ? "already-erased" : "erasure-pending",
                    earlier.get().completed() ? "This debtor was erased already (certificate " + earlier.get().id()
                            + ")." : "This debtor's erasure waits for its legal holds to be released.");
        }
        if (requestId != null) {
            requests.get(requestId);
        }
        DataSubject subject = contributors.subject(debtorId);
        ErasureScope scope = new ErasureScope(holds.active(debtorId));
        List<ErasureReport> reports = runContributors(subject, scope);
        if (scope.legalHold()) {
            restrictions.restrict(debtorId, "erasure requested; data kept only for a legal claim (art. 17(3)(e))");
        } else {
            vault.shred(debtorId);
        }
        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String certificate = certificate(id, subject.debtorId(), requestId, reason, now, scope, reports, false);
        dsl.insertInto(PRIVACY_ERASURE).set(PRIVACY_ERASURE.TENANT_ID, TenantContext.require())
                .set(PRIVACY_ERASURE.ID, id).set(PRIVACY_ERASURE.DEBTOR_ID, debtorId)
                .set(PRIVACY_ERASURE.REQUEST_ID, requestId)
                .set(PRIVACY_ERASURE.STATUS, scope.legalHold() ? "PENDING_HOLD" : "COMPLETED")
                .set(PRIVACY_ERASURE.REASON, reason.name()).set(PRIVACY_ERASURE.ERASED_AT, now)
                .set(PRIVACY_ERASURE.ERASED_BY, Actor.current().name())
                .set(PRIVACY_ERASURE.COMPLETED_AT, scope.legalHold() ? null : now)
                .set(PRIVACY_ERASURE.CERTIFICATE, certificate)
                .set(PRIVACY_ERASURE.SHA256, HexFormat.of().parseHex(sha256(certificate))).execute();
        audit.record(AuditEvent.of("privacy.erased", "debtor", debtorId).subject(debtorId)
                .detail("certificate", id.toString()).detail("scope", scope.legalHold() ? "LEGAL_HOLD" : "FULL")
                .detail("reason", reason.name()));
        if (requestId != null) {
            requests.completeIfOpen(requestId, debtorId, DataSubjectRequests.Type.ERASURE,
                    scope.legalHold() ? "ERASED_PARTIALLY_LEGAL_HOLD" : "ERASED", "erasure certificate " + id);
        }
        events.publishEvent(new SubjectErased(TenantContext.require(), debtorId, !scope.legalHold()));
        return get(id);
    }

    /** When a debtor's last legal hold is released, a pending erasure completes. */
    @ApplicationModuleListener
    void on(LegalHolds.HoldsReleased event) {
        tenantScope.inTenant(event.tenantId(), () -> completePending(event.debtorId()));
    }

    /** Completes a pending erasure whose holds are all released; returns whether it did. */
    @Transactional
    public boolean completePending(UUID debtorId) {
        // locked: the listener and a direct call may race; the second sees it completed
        Optional<Erasure> pending = dsl.selectFrom(PRIVACY_ERASURE).where(PRIVACY_ERASURE.DEBTOR_ID.eq(debtorId))
                .forUpdate().fetchOptional().map(Erasures::toErasure).filter(e -> !e.completed());
        if (pending.isEmpty() || !holds.active(debtorId).isEmpty()) {
            return false;
        }
        Erasure e = pending.get();
        DataSubject subject = contributors.subject(debtorId);
        List<ErasureReport> reports = runContributors(subject, ErasureScope.FULL);
        vault.shred(debtorId);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String certificate = certificate(e.id(), debtorId, e.requestId(), Reason.valueOf(e.reason()), now,
                ErasureScope.FULL, reports, true);
        dsl.update(PRIVACY_ERASURE).set(PRIVACY_ERASURE.STATUS, "COMPLETED").set(PRIVACY_ERASURE.COMPLETED_AT, now)
                .set(PRIVACY_ERASURE.FINAL_CERTIFICATE, certificate)
                .set(PRIVACY_ERASURE.FINAL_SHA256, HexFormat.of().parseHex(sha256(certificate)))
                .where(PRIVACY_ERASURE.ID.eq(e.id())).execute();
        audit.record(AuditEvent.of("privacy.erasure-completed", "debtor", debtorId).subject(debtorId)
                .detail("certificate", e.id().toString()));
        events.publishEvent(new SubjectErased(TenantContext.require(), debtorId, true));
        return true;
    }

    public Optional<Erasure> find(UUID debtorId) {
        return dsl.selectFrom(PRIVACY_ERASURE).where(PRIVACY_ERASURE.DEBTOR_ID.eq(debtorId)).fetchOptional()
                .map(Erasures::toErasure);
    }

    public Erasure get(UUID id) {
        return dsl.selectFrom(PRIVACY_ERASURE).where(PRIVACY_ERASURE.ID.eq(id)).fetchOptional()
                .map(Erasures::toErasure).orElseThrow(() -> new NotFoundException("Erasure certificate", id));
    }

    public List<Erasure> recent(int limit) {
        return dsl.selectFrom(PRIVACY_ERASURE).orderBy(PRIVACY_ERASURE.ERASED_AT.desc(), PRIVACY_ERASURE.ID.desc())
                .limit(limit).fetch(Erasures::toErasure);
    }

    private List<ErasureReport> runContributors(DataSubject subject, ErasureScope scope) {
        List<ErasureReport> reports = new ArrayList<>();
        for (PersonalDataContributor c : contributors.inErasureOrder()) {
            reports.add(c.erase(subject, scope));
        }
        return reports;
    }

    private String certificate(UUID id, UUID debtorId, @Nullable UUID requestId, Reason reason, OffsetDateTime at,
                               ErasureScope scope, List<ErasureReport> reports, boolean completion) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("format", "creditflow.erasure-certificate");
        c.put("version", 1);
        c.put("certificateId", id.toString());
        c.put("kind", completion ? "COMPLETION" : "ERASURE");
        var tenant = tenants.find(TenantContext.require());
        c.put("tenant", Map.of("id", tenant.id().toString(), "name", tenant.name()));
        c.put("subject", Map.of("debtorId", debtorId.toString()));
        c.put("request", requestId == null ? null : requestInfo(requestId));
        c.put("reason", reason.name());
        c.put("erasedAt", at.toString());
        c.put("erasedBy", Actor.current().type() == Actor.Type.SYSTEM ? "Creditflow (automated)"
                : Actor.current().name());
        c.put("scope", scope.legalHold() ? "LEGAL_HOLD" : "FULL");
        c.put("legalHolds", scope.holds().stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", h.kind());
            m.put("reference", h.reference());
            m.put("ground", h.ground());
            m.put("placedAt", h.placedAt().toString());
            return m;
        }).toList());
        c.put("subjectKey", scope.legalHold() ? "RETAINED_UNTIL_HOLDS_RELEASED" : "DESTROYED");
        c.put("sections", reports.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("section", r.section());
            m.put("actions", r.actions().stream().map(a -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("what", a.what());
                x.put("outcome", a.outcome().name());
                x.put("count", a.count());
                x.put("legalGround", a.legalGround());
                x.put("keptUntil", a.keptUntil() == null ? null : a.keptUntil().toString());
                return x;
            }).toList());
            return m;
        }).toList());
        c.put("statement", scope.legalHold()
                ? "The personal data of this data subject was minimised. What a pending legal claim needs is kept, "
                + "encrypted, and processed for that claim only; it will be erased, and its key destroyed, when the "
                + "last legal hold listed here is released."
                : "The personal data of this data subject was erased: search indexes and rendered documents were "
                + "deleted, and the data subject's encryption key was destroyed, so every remaining ciphertext of "
                + "this person (in the database and in any backup taken since) is unreadable. Records the law "
                + "requires to be kept are listed with their legal ground and retention date, without personal data.");
        return json.writeValueAsString(c);
    }

    private Map<String, Object> requestInfo(UUID requestId) {
        var r = requests.get(requestId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("receivedOn", r.receivedOn().toString());
        return m;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Erasure toErasure(PrivacyErasureRecord r) {
        return new Erasure(r.getId(), r.getDebtorId(), r.getRequestId(), r.getStatus(), r.getReason(),
                r.getErasedAt(), r.getErasedBy(), r.getCompletedAt(), r.getCertificate(),
                HexFormat.of().formatHex(r.getSha256()), r.getFinalCertificate(),
                r.getFinalSha256() == null ? null : HexFormat.of().formatHex(r.getFinalSha256()));
    }
}
