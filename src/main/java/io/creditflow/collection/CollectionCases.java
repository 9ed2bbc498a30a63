package io.creditflow.collection;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.LegalHolds;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.Invoices;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
 * The current tenant's collection cases: opened (or extended) at dunning's request, one open case per debtor, moved
 * through the stages by the daily job or a collector, and closed when its claims are paid. A case holds the debtor's
 * data for the legal claim ({@link LegalHolds}) from opening to closing.
 */
@Component
public class CollectionCases {

    static final String HOLD_KIND = "collection.case";
    static final int LOCK_CLASS = 4_712;

    private final DSLContext dsl;
    private final Invoices invoices;
    private final CaseTransitions transitions;
    private final CollectionSettingsStore settings;
    private final LegalHolds holds;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    CollectionCases(DSLContext dsl, Invoices invoices, CaseTransitions transitions, CollectionSettingsStore settings,
                    LegalHolds holds, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.invoices = invoices;
        this.transitions = transitions;
        this.settings = settings;
        this.holds = holds;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A case as lists and pages show it; amounts are the claims' open amounts now. */
    public record CaseView(UUID id, String reference, UUID debtorId, String status, Stage stage, LocalDate stageSince,
                           @Nullable LocalDate nextStageOn, @Nullable String handoffApproval, boolean wki,
                           OffsetDateTime openedAt, @Nullable OffsetDateTime closedAt, @Nullable String closeReason,
                           @Nullable LocalDate retainUntil, int claims, BigDecimal open) {
    }

    /** One entry of a case's stage history. */
    public record StageEntry(Stage stage, int seq, LocalDate enteredOn, String trigger, String actor,
                             @Nullable UUID messageId, BigDecimal costs, BigDecimal interest, @Nullable String note) {
    }

    public record Filter(@Nullable String status, @Nullable Stage stage, @Nullable UUID debtorId) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    /**
     * Opens a case for the debtor's invoices, or adds them to the debtor's open case. Idempotent per request
     * ({@code requestId}: dunning's step id): a repeated request changes nothing. Invoices already paid are left out;
     * returns empty when nothing is left to collect.
     */
    @Transactional
    public Optional<UUID> request(UUID debtorId, List<UUID> invoiceIds, String requestId) {
        dsl.resultQuery("select pg_advisory_xact_lock({0}, hashtext({1}))", LOCK_CLASS, debtorId.toString()).fetch();
        Optional<UUID> handled = dsl.resultQuery("select case_id from collection_case_request where debtor_id = {0} "
                + "and step_id = {1}", debtorId, requestId).fetchOptional(r -> r.get(0, UUID.class));
        if (handled.isPresent()) {
            return handled;
        }
        LocalDate day = LocalDate.now(clock);
        List<UUID> open = invoiceIds.stream().distinct().map(invoices::find).flatMap(Optional::stream)
                .filter(i -> i.debtorId().equals(debtorId) && i.openAmount().signum() > 0).map(Invoice::id).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Optional<CaseView> existing = openCaseOf(debtorId);
        UUID caseId = existing.map(CaseView::id).orElseGet(() -> create(debtorId, day));
        for (UUID invoice : open) {
            dsl.execute("insert into collection_case_invoice (tenant_id, case_id, invoice_id) values "
                    + "(current_tenant(), {0}, {1}) on conflict do nothing", caseId, invoice);
        }
        invoices.markInCollection(open);
        dsl.execute("insert into collection_case_request (tenant_id, debtor_id, step_id, case_id) values "
                + "(current_tenant(), {0}, {1}, {2})", debtorId, requestId, caseId);
        if (existing.isEmpty()) {
            transitions.opened(get(caseId), day);
            events.publishEvent(new CaseOpened(TenantContext.require(), caseId, debtorId, open));
        } else {
            audit.record(AuditEvent.of("collection.case-extended", "collection-case", caseId).purpose("collection")
                    .detail("invoices", open.size()));
        }
        return Optional.of(caseId);
    }

    private UUID create(UUID debtorId, LocalDate day) {
        UUID id = Ids.newId();
        CollectionSettings s = settings.get();
        long n = dsl.fetchCount(dsl.selectOne().from("collection_case")) + 1L;
        String reference = "C-" + day.getYear() + "-" + String.format("%06d", n) + "-" + id.toString().substring(32);
        dsl.execute("""
                insert into collection_case (tenant_id, id, reference, debtor_id, status, stage, stage_since,
                                             next_stage_on, wki)
                values (current_tenant(), {0}, {1}, {2}, 'OPEN', 'NEW', {3}, {4}, {5})""",
                id, reference, debtorId, day, day.plusDays(s.stageIntervalDays()), s.collectsForThirdParties());
        holds.place(debtorId, HOLD_KIND, id.toString(), "GDPR art. 17(3)(e): an open collection case (legal claim) "
                + reference);
        audit.record(AuditEvent.of("collection.case-opened", "collection-case", id).subject(debtorId)
                .purpose("collection").detail("reference", reference).detail("wki", s.collectsForThirdParties()));
        return id;
    }

    @Transactional(readOnly = true)
    public CaseView get(UUID id) {
        return views("c.id = {0}", id, 1).stream().findFirst().orElseThrow(() -> new NotFoundException("Collection case", id));
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> openCaseOf(UUID debtorId) {
        return views("c.debtor_id = {0} and c.status <> 'CLOSED'", debtorId, 1).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<CaseView> ofDebtor(UUID debtorId) {
        return views("c.debtor_id = {0}", debtorId, 1000);
    }

    /** Newest first, keyset-paginated. */
    @Transactional(readOnly = true)
    public CursorPage<CaseView> list(Filter f, @Nullable String cursor, int limit) {
        String after = CursorPage.decode(cursor);
        String where = "({0}::text is null or c.status = {0}) and ({1}::text is null or c.stage = {1})"
                + " and ({2}::uuid is null or c.debtor_id = {2})"
                + " and ({3}::text is null or (c.opened_at, c.id) < (split_part({3}, '|', 1)::timestamptz,"
                + " split_part({3}, '|', 2)::uuid))";
        List<CaseView> rows = dsl.resultQuery(SELECT + " where " + where + GROUP + " order by c.opened_at desc, c.id desc"
                        + " limit " + (limit + 1), f.status(), f.stage() == null ? null : f.stage().name(), f.debtorId(),
                after).fetch(CollectionCases::view);
        return CursorPage.of(rows, limit, v -> v.openedAt() + "|" + v.id());
    }

    /** Open cases (not handed off), the largest open amounts first. */
    @Transactional(readOnly = true)
    public List<CaseView> openByAmount(int limit) {
        return dsl.resultQuery(SELECT + " where c.status = 'OPEN'" + GROUP + " order by open_amount desc, c.id limit "
                + limit).fetch(CollectionCases::view);
    }

    @Transactional(readOnly = true)
    public List<StageEntry> stages(UUID caseId) {
        get(caseId);
        return dsl.resultQuery("select * from collection_case_stage where case_id = {0} order by seq", caseId)
                .fetch(r -> new StageEntry(Stage.valueOf(r.get("stage", String.class)), r.get("seq", Integer.class),
                        r.get("entered_on", LocalDate.class), r.get("trigger", String.class),
                        r.get("actor", String.class), r.get("message_id", UUID.class),
                        r.get("costs", BigDecimal.class), r.get("interest", BigDecimal.class),
                        r.get("note", String.class)));
    }

    /** The case's claims with their open amounts now. */
    @Transactional(readOnly = true)
    public List<Invoice> claims(UUID caseId) {
        get(caseId);
        return transitions.claims(caseId);
    }

    /** A collector moves the case to its next stage now. */
    @Transactional
    public CaseView advance(UUID caseId) {
        CaseView c = lock(caseId);
        Stage next = c.stage().next();
        if (!"OPEN".equals(c.status()) || next == null) {
            throw new BusinessRuleException("no-next-stage", "Case " + c.reference() + " is " + c.status()
                    .toLowerCase() + " at " + c.stage() + ": it has no next stage to move to"
                    + (next == null && "OPEN".equals(c.status()) ? " (hand it off instead)" : "") + ".");
        }
        transitions.enter(c, next, "MANUAL", LocalDate.now(clock));
        return get(caseId);
    }

    /**
     * Moves every open case whose next stage is due on {@code day} by one stage, in batches. Rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED}, and a transition is guarded by the stage the claim saw, so two runs at once
     * (two nodes, a manual run beside the scheduled one) never move a case twice.
     *
     * @return how many cases moved
     */
    @Transactional
    public int advanceDue(LocalDate day, int limit) {
        List<UUID> due = dsl.resultQuery("""
                select id from collection_case where status = 'OPEN' and next_stage_on <= {0}
                 order by next_stage_on, id limit {1} for update skip locked""", day, limit)
                .fetch(r -> r.get(0, UUID.class));
        int moved = 0;
        for (UUID id : due) {
            CaseView c = get(id);
            Stage next = c.stage().next();
            if (next != null && transitions.enter(c, next, "SCHEDULED", day)) {
                moved++;
            }
        }
        return moved;
    }

    /** Closes the case when none of its claims is open any more; returns whether it closed. */
    @Transactional
    public boolean closeIfPaid(UUID caseId, String reason) {
        CaseView c = lock(caseId);
        if ("CLOSED".equals(c.status()) || transitions.claims(caseId).stream().anyMatch(i -> i.openAmount().signum() > 0)) {
            return false;
        }
        close(c, reason);
        return true;
    }

    /**
     * Why a credit manager may withdraw a case. Codes, not free text: the reason ends up in the case, its event, the
     * webhook and the audit log, none of which may hold personal data.
     */
    public enum WithdrawalReason {
        SETTLED_DIRECTLY, CLAIM_DISPUTED, DEBTOR_INSOLVENT, UNCOLLECTABLE, COMMERCIAL_DECISION, OPENED_IN_ERROR
    }

    /**
     * A credit manager withdraws the case by hand: it closes as {@code WITHDRAWN:<reason>} like a paid case (legal
     * hold released, {@link CaseClosed}, WKI retention), and its claims still open leave {@code IN_COLLECTION} so
     * dunning and payments treat them as ordinary open invoices again. A handed-off case may be withdrawn too (the
     * debtor settled with the creditor directly); the agency has no recall call, so telling it is up to the
     * manager. Idempotent: withdrawing a withdrawn case returns it unchanged; a case closed otherwise (paid) is
     * refused.
     */
    @Transactional
    public CaseView withdraw(UUID caseId, WithdrawalReason reason) {
        CaseView c = lock(caseId);
        if ("CLOSED".equals(c.status())) {
            if (c.closeReason() != null && c.closeReason().startsWith(WITHDRAWN)) {
                return c;
            }
            throw new BusinessRuleException("case-closed", "Case " + c.reference() + " was closed already ("
                    + c.closeReason() + "): there is nothing to withdraw.");
        }
        invoices.releaseFromCollection(transitions.claims(caseId).stream().map(Invoice::id).toList());
        audit.record(AuditEvent.of("collection.case-withdrawn", "collection-case", caseId).purpose("collection")
                .detail("reason", reason.name()).detail("stage", c.stage().name()).detail("status", c.status()));
        close(c, WITHDRAWN + reason.name());
        return get(caseId);
    }

    static final String WITHDRAWN = "WITHDRAWN:";

    void close(CaseView c, String reason) {
        CollectionSettings s = settings.get();
        LocalDate today = LocalDate.now(clock);
        dsl.execute("""
                update collection_case set status = 'CLOSED', closed_at = now(), close_reason = {0},
                       next_stage_on = null, retain_until = case when wki then {1}::date end
                 where id = {2} and status <> 'CLOSED'""", reason, today.plusYears(s.dossierRetentionYears()), c.id());
        holds.release(HOLD_KIND, c.id().toString());
        events.publishEvent(new CaseClosed(TenantContext.require(), c.id(), c.debtorId(), reason));
        audit.record(AuditEvent.of("collection.case-closed", "collection-case", c.id()).purpose("collection")
                .detail("reason", reason));
    }

    /** The open cases holding this invoice. */
    @Transactional(readOnly = true)
    public List<UUID> openCasesWithInvoice(UUID invoiceId) {
        return dsl.resultQuery("""
                select c.id from collection_case c join collection_case_invoice i
                  on i.tenant_id = c.tenant_id and i.case_id = c.id
                 where i.invoice_id = {0} and c.status <> 'CLOSED'""", invoiceId).fetch(r -> r.get(0, UUID.class));
    }

    CaseView lock(UUID caseId) {
        dsl.resultQuery("select 1 from collection_case where id = {0} for update", caseId).fetch();
        return get(caseId);
    }

    private List<CaseView> views(String where, Object arg, int limit) {
        return dsl.resultQuery(SELECT + " where " + where + GROUP + " order by c.opened_at desc, c.id desc limit "
                + limit, arg).fetch(CollectionCases::view);
    }

    // the open amount is read from receivables' invoice table: one query for a page of cases
    private static final String SELECT = """
            select c.*, count(ci.invoice_id) as claims,
                   coalesce(sum(inv.open_principal + inv.open_costs + inv.open_interest), 0) as open_amount
              from collection_case c
              left join collection_case_invoice ci on ci.tenant_id = c.tenant_id and ci.case_id = c.id
              left join invoice inv on inv.tenant_id = ci.tenant_id and inv.id = ci.invoice_id""";
    private static final String GROUP = " group by c.tenant_id, c.id";

    private static CaseView view(Record r) {
        return new CaseView(r.get("id", UUID.class), r.get("reference", String.class), r.get("debtor_id", UUID.class),
                r.get("status", String.class), Stage.valueOf(r.get("stage", String.class)),
                r.get("stage_since", LocalDate.class), r.get("next_stage_on", LocalDate.class),
                r.get("handoff_approval", String.class), r.get("wki", Boolean.class),
                r.get("opened_at", OffsetDateTime.class), r.get("closed_at", OffsetDateTime.class),
                r.get("close_reason", String.class), r.get("retain_until", LocalDate.class),
                r.get("claims", Integer.class), r.get("open_amount", BigDecimal.class));
    }
}
