package io.creditflow.collection;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.collection.handoff.Dossiers;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands cases to a bailiff or agency ({@link CollectionAgency}). Either automatically, when a case reaches the
 * tenant's {@code autoHandoffStage}, or on a collector's request approved by someone else with
 * {@code collection:approve} (four eyes: the requester cannot approve). A hand-off needs a debtor in default (the
 * notice-of-default stage or later), builds the dossier, gives it to the agency and moves the case to
 * {@link Stage#BAILIFF} in one transaction: a failed agency leaves the case where it was.
 */
@Component
public class HandOffs {

    private final DSLContext dsl;
    private final CollectionCases cases;
    private final CaseTransitions transitions;
    private final CollectionSettingsStore settings;
    private final Dossiers dossiers;
    private final List<CollectionAgency> agencies;
    private final TenantScope tenantScope;
    private final AuditLog audit;
    private final Clock clock;

    HandOffs(DSLContext dsl, CollectionCases cases, CaseTransitions transitions, CollectionSettingsStore settings,
             Dossiers dossiers, List<CollectionAgency> agencies, TenantScope tenantScope, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.cases = cases;
        this.transitions = transitions;
        this.settings = settings;
        this.dossiers = dossiers;
        this.agencies = agencies;
        this.tenantScope = tenantScope;
        this.audit = audit;
        this.clock = clock;
    }

    public record HandOff(UUID id, UUID caseId, String agency, String status, String requestedBy,
                          @Nullable String approvedBy, @Nullable String externalRef, @Nullable String dossierSha256,
                          BigDecimal collected, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A collector asks to hand the case off; it waits for approval (or goes at once when no approval is needed). */
    @Transactional
    public CollectionCases.CaseView request(UUID caseId) {
        CollectionCases.CaseView c = eligible(cases.lock(caseId));
        if (c.handoffApproval() != null) {
            throw new BusinessRuleException("handoff-requested", "A hand-off of case " + c.reference()
                    + " was requested already; it waits for approval.");
        }
        dsl.execute("update collection_case set handoff_approval = 'REQUESTED', handoff_requested_by = {0} where id = {1}",
                who(), caseId);
        audit.record(AuditEvent.of("collection.handoff-requested", "collection-case", caseId).purpose("collection"));
        return cases.get(caseId);
    }

    /** Someone other than the requester approves: the case is handed off now. */
    @Transactional
    public HandOff approve(UUID caseId) {
        CollectionCases.CaseView c = eligible(cases.lock(caseId));
        if (!"REQUESTED".equals(c.handoffApproval())) {
            throw new BusinessRuleException("handoff-not-requested", "No hand-off of case " + c.reference()
                    + " waits for approval.");
        }
        String requester = dsl.resultQuery("select handoff_requested_by from collection_case where id = {0}", caseId)
                .fetchOne(0, String.class);
        if (who().equals(requester)) {
            throw new BusinessRuleException("four-eyes", "The hand-off of case " + c.reference()
                    + " must be approved by someone other than who requested it.");
        }
        dsl.execute("update collection_case set handoff_approval = 'APPROVED' where id = {0}", caseId);
        return perform(cases.get(caseId), String.valueOf(requester), who());
    }

    /** The acting user or key, unambiguously (names are not unique). */
    private static String who() {
        Actor a = Actor.current();
        return a.name() + " (" + a.type().name().toLowerCase() + " " + a.id() + ")";
    }

    /** The automatic hand-off: the case reached the tenant's hand-off stage. */
    @ApplicationModuleListener
    void on(CaseStageChanged changed) {
        tenantScope.inTenant(changed.tenantId(), () -> {
            CollectionSettings s = settings.get();
            if (s.autoHandoffStage() == changed.to()) {
                CollectionCases.CaseView c = cases.lock(changed.caseId());
                if ("OPEN".equals(c.status()) && c.stage() == changed.to()) {
                    perform(c, "system", "automatic after " + changed.to());
                }
            }
            return null;
        });
    }

    private HandOff perform(CollectionCases.CaseView c, String requestedBy, String approvedBy) {
        CollectionAgency agency = agency(settings.get().agency());
        UUID id = Ids.newId();
        Dossiers.Built dossier = dossiers.build(c.id(), id, agency.name());
        CollectionAgency.Receipt receipt = agency.handOff(new CollectionAgency.Dossier(TenantContext.require(), id,
                c.id(), c.reference(), c.debtorId(), dossier.zip(), dossier.sha256()));
        dsl.execute("""
                insert into collection_handoff (tenant_id, id, case_id, agency, status, requested_by, approved_by,
                                                external_ref, dossier_sha256)
                values (current_tenant(), {0}, {1}, {2}, 'SENT', {3}, {4}, {5}, {6})""",
                id, c.id(), agency.key(), requestedBy, approvedBy, receipt.externalRef(), dossier.sha256());
        transitions.enter(c, Stage.BAILIFF, "system".equals(requestedBy) ? "SCHEDULED" : "MANUAL", LocalDate.now(clock));
        audit.record(AuditEvent.of("collection.handed-off", "collection-case", c.id()).subject(c.debtorId())
                .purpose("collection").detail("agency", agency.key()).detail("handoff", id.toString())
                .detail("sha256", dossier.sha256()));
        return get(id);
    }

    private static CollectionCases.CaseView eligible(CollectionCases.CaseView c) {
        if (!"OPEN".equals(c.status())) {
            throw new BusinessRuleException("case-not-open", "Case " + c.reference() + " is " + c.status()
                    .toLowerCase() + ": only an open case can be handed off.");
        }
        if (c.stage().ordinal() < Stage.NOTICE_OF_DEFAULT.ordinal()) {
            throw new BusinessRuleException("not-in-default", "Case " + c.reference() + " is at " + c.stage()
                    + ": a case is handed off after the notice of default.");
        }
        return c;
    }

    public CollectionAgency agency(String key) {
        return agencies.stream().filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> new BusinessRuleException("unknown-agency", "No collection agency '" + key + "'."));
    }

    public List<CollectionAgency> agencies() {
        return agencies;
    }

    @Transactional(readOnly = true)
    public HandOff get(UUID id) {
        return find("id = {0}", id).orElseThrow(() -> new NotFoundException("Hand-off", id));
    }

    @Transactional(readOnly = true)
    public Optional<HandOff> ofCase(UUID caseId) {
        return find("case_id = {0}", caseId);
    }

    private Optional<HandOff> find(String where, UUID arg) {
        return dsl.resultQuery("select * from collection_handoff where " + where, arg).fetchOptional(r -> new HandOff(
                r.get("id", UUID.class), r.get("case_id", UUID.class), r.get("agency", String.class),
                r.get("status", String.class), r.get("requested_by", String.class), r.get("approved_by", String.class),
                r.get("external_ref", String.class), r.get("dossier_sha256", String.class),
                r.get("collected", BigDecimal.class), r.get("created_at", OffsetDateTime.class),
                r.get("updated_at", OffsetDateTime.class)));
    }
}
