package io.creditflow.dunning;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.ValidationException;
import io.creditflow.receivables.InvoiceDisputeResolved;
import io.creditflow.receivables.InvoiceDisputed;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Dunning stops ("pauses") per invoice, per debtor or per case, each with a reason, an optional last day (after which
 * dunning resumes by itself) and who set it. A paused item's clock does not advance: steps that fall due during the
 * pause are taken afterwards (subject to catch-up), never twice. A dispute pauses its invoice until it is resolved.
 */
@Component
public class DunningPauses {

    public enum Scope { INVOICE, DEBTOR, CASE }

    public static final List<String> REASONS = List.of("DISPUTE", "PAYMENT_PLAN", "PROMISE_TO_PAY", "DECEASED",
            "DEBT_COUNSELLING", "CUSTOMER_REQUEST", "OTHER");

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final TenantScope tenantScope;

    DunningPauses(DSLContext dsl, AuditLog audit, Clock clock, TenantScope tenantScope) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.tenantScope = tenantScope;
    }

    public record Pause(UUID id, Scope scope, UUID targetId, List<UUID> invoiceIds, String reason,
                       @Nullable String note, String source, LocalDate startsOn, @Nullable LocalDate endsOn,
                       OffsetDateTime createdAt, @Nullable String createdBy, @Nullable OffsetDateTime endedAt) {
        public boolean activeOn(LocalDate day) {
            return endedAt == null && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
        }
    }

    /**
     * Pauses dunning. For a CASE, {@code targetId} is the case id and {@code invoiceIds} its invoices.
     *
     * @param endsOn the last paused day; null: until resumed
     */
    @Transactional
    public UUID pause(Scope scope, UUID targetId, List<UUID> invoiceIds, String reason, @Nullable String note,
                      @Nullable LocalDate endsOn, String source) {
        LocalDate today = LocalDate.now(clock);
        if (!REASONS.contains(reason)) {
            throw new ValidationException("Invalid pause.", List.of(new FieldError("reason", "one of " + REASONS)));
        }
        if (endsOn != null && endsOn.isBefore(today)) {
            throw new ValidationException("Invalid pause.", List.of(new FieldError("endsOn", "in the past")));
        }
        if (scope == Scope.CASE && invoiceIds.isEmpty()) {
            throw new ValidationException("Invalid pause.", List.of(new FieldError("invoiceIds", "a case needs its invoices")));
        }
        if (note != null && note.length() > 1000) {
            throw new ValidationException("Invalid pause.", List.of(new FieldError("note", "at most 1000 characters")));
        }
        UUID id = Ids.newId();
        dsl.execute("""
                insert into dunning_pause (tenant_id, id, scope, target_id, invoice_ids, reason, note, source, starts_on,
                                           ends_on, created_by)
                values (current_tenant(), {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})""", id, scope.name(),
                targetId, invoiceIds.isEmpty() ? null : invoiceIds.toArray(UUID[]::new), reason, note, source, today,
                endsOn, Actor.current().name());
        audit.record(AuditEvent.of("dunning.paused", scope.name().toLowerCase(), targetId).detail("reason", reason)
                .detail("until", String.valueOf(endsOn)));
        return id;
    }

    @Transactional
    public void resume(UUID pauseId) {
        int n = dsl.execute("update dunning_pause set ended_at = now(), ended_by = {0} where id = {1} and ended_at is null",
                Actor.current().name(), pauseId);
        if (n == 0) {
            throw new BusinessRuleException("not-paused", "This pause was already lifted.");
        }
        audit.record(AuditEvent.of("dunning.resumed", "dunning-pause", pauseId));
    }

    /** Pauses that concern an invoice (its own, its debtor's, its cases'), newest first. */
    @Transactional(readOnly = true)
    public List<Pause> forInvoice(UUID invoiceId, UUID debtorId) {
        return query("where (scope = 'INVOICE' and target_id = {0}) or (scope = 'DEBTOR' and target_id = {1}) "
                + "or (scope = 'CASE' and {0} = any(invoice_ids))", invoiceId, debtorId);
    }

    @Transactional(readOnly = true)
    public List<Pause> forDebtor(UUID debtorId) {
        return query("where target_id = {0} or invoice_ids && (select array_agg(id) from invoice where debtor_id = {0})",
                debtorId);
    }

    @Transactional(readOnly = true)
    public List<Pause> active() {
        return query("where ended_at is null and (ends_on is null or ends_on >= {0})", LocalDate.now(clock));
    }

    private List<Pause> query(String where, Object... args) {
        return dsl.resultQuery("select * from dunning_pause " + where + " order by created_at desc limit 500", args)
                .fetch(r -> new Pause(r.get("id", UUID.class), Scope.valueOf(r.get("scope", String.class)),
                        r.get("target_id", UUID.class), r.get("invoice_ids", UUID[].class) == null ? List.of()
                        : List.of(r.get("invoice_ids", UUID[].class)), r.get("reason", String.class),
                        r.get("note", String.class), r.get("source", String.class),
                        r.get("starts_on", LocalDate.class), r.get("ends_on", LocalDate.class),
                        r.get("created_at", OffsetDateTime.class), r.get("created_by", String.class),
                        r.get("ended_at", OffsetDateTime.class)));
    }

    /** A dispute pauses its invoice (the run also skips DISPUTED invoices; the pause shows why and since when). */
    @ApplicationModuleListener
    void on(InvoiceDisputed event) {
        tenantScope.inTenant(event.tenantId(), () -> {
            pause(Scope.INVOICE, event.invoiceId(), List.of(), "DISPUTE", null, null, "DISPUTE");
        });
    }

    @ApplicationModuleListener
    void on(InvoiceDisputeResolved event) {
        tenantScope.inTenant(event.tenantId(), () -> {
            dsl.execute("update dunning_pause set ended_at = now(), ended_by = 'dispute resolved' where scope = 'INVOICE' "
                    + "and target_id = {0} and source = 'DISPUTE' and ended_at is null", event.invoiceId());
        });
    }
}
