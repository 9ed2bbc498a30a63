package io.creditflow.receivables;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.LEDGER_ENTRY;

/**
 * The only way open amounts change: append an entry. One UPDATE adds the entry's amounts to the invoice's open
 * amounts, takes the next sequence number and derives the status, under the invoice's row lock; the entry is then
 * inserted with that number. Concurrent writers to one invoice queue on the lock, so the open amount always equals
 * the sum of the entries, and the database's check constraints refuse anything that would make it negative.
 */
@Component
public class Ledger {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Ledger(DSLContext dsl, AuditLog audit, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.audit = audit;
        this.events = events;
    }

    /** The result of a posting: the entry's number and the invoice's state after it. */
    public record Posting(UUID invoiceId, int seq, BigDecimal openPrincipal, BigDecimal openCosts,
                          BigDecimal openInterest, InvoiceStatus status) {
        public BigDecimal openAmount() {
            return openPrincipal.add(openCosts).add(openInterest);
        }
    }

    @Transactional
    public Posting post(UUID invoiceId, LedgerEntryKind kind, BigDecimal principal, BigDecimal costs,
                        BigDecimal interest, LocalDate valueDate, @Nullable String reference, @Nullable String note) {
        return post(invoiceId, kind, principal, costs, interest, valueDate, reference, note, null);
    }

    /** Reverses an earlier entry (a returned payment, a cost charged in error) by posting its negation. */
    @Transactional
    public Posting reverse(UUID invoiceId, int seq, LocalDate valueDate, String note) {
        LedgerEntry original = entries(invoiceId).stream().filter(e -> e.seq() == seq).findFirst()
                .orElseThrow(() -> new NotFoundException("Ledger entry", invoiceId + "#" + seq));
        if (dsl.fetchExists(LEDGER_ENTRY, LEDGER_ENTRY.INVOICE_ID.eq(invoiceId).and(LEDGER_ENTRY.REVERSES_SEQ.eq(seq)))) {
            throw new BusinessRuleException("already-reversed", "Entry " + seq + " was already reversed.");
        }
        return post(invoiceId, LedgerEntryKind.REVERSAL, original.principal().negate(), original.costs().negate(),
                original.interest().negate(), valueDate, original.reference(), note, seq);
    }

    public List<LedgerEntry> entries(UUID invoiceId) {
        return dsl.selectFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.INVOICE_ID.eq(invoiceId)).orderBy(LEDGER_ENTRY.SEQ)
                .fetch(r -> new LedgerEntry(r.getInvoiceId(), r.getSeq(), LedgerEntryKind.valueOf(r.getKind()),
                        r.getPrincipal(), r.getCosts(), r.getInterest(), r.getValueDate(), r.getBookedAt(),
                        r.getReference(), r.getReversesSeq(), r.getNote(), r.getActor()));
    }

    private Posting post(UUID invoiceId, LedgerEntryKind kind, BigDecimal principal, BigDecimal costs,
                         BigDecimal interest, LocalDate valueDate, @Nullable String reference, @Nullable String note,
                         @Nullable Integer reverses) {
        if (kind == LedgerEntryKind.ISSUED) {
            throw new IllegalArgumentException("ISSUED entries are written when the invoice is registered");
        }
        BigDecimal delta = principal.add(costs).add(interest);
        var newPrincipal = INVOICE.OPEN_PRINCIPAL.plus(principal);
        var newTotal = newPrincipal.plus(INVOICE.OPEN_COSTS).plus(costs).plus(INVOICE.OPEN_INTEREST).plus(interest);
        Record after;
        try {
            after = dsl.update(INVOICE)
                    .set(INVOICE.OPEN_PRINCIPAL, newPrincipal)
                    .set(INVOICE.OPEN_COSTS, INVOICE.OPEN_COSTS.plus(costs))
                    .set(INVOICE.OPEN_INTEREST, INVOICE.OPEN_INTEREST.plus(interest))
                    .set(INVOICE.LEDGER_SEQ, INVOICE.LEDGER_SEQ.plus(1))
                    .set(INVOICE.UPDATED_AT, DSL.currentOffsetDateTime())
                    .set(INVOICE.STATUS, DSL.when(newTotal.eq(BigDecimal.ZERO),
                                    DSL.inline(kind == LedgerEntryKind.WRITE_OFF ? "WRITTEN_OFF" : "PAID"))
                            .when(INVOICE.STATUS.in("DISPUTED", "IN_COLLECTION"), INVOICE.STATUS)
                            .when(DSL.abs(newPrincipal).lt(INVOICE.AMOUNT), DSL.inline("PARTIALLY_PAID"))
                            .otherwise(DSL.inline("OPEN")))
                    .set(INVOICE.SETTLED_AT, DSL.when(newTotal.eq(BigDecimal.ZERO), DSL.currentOffsetDateTime())
                            .otherwise(DSL.castNull(INVOICE.SETTLED_AT)))
                    .where(INVOICE.ID.eq(invoiceId))
                    .returning(INVOICE.LEDGER_SEQ, INVOICE.OPEN_PRINCIPAL, INVOICE.OPEN_COSTS, INVOICE.OPEN_INTEREST,
                            INVOICE.STATUS)
                    .fetchOptional().orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("exceeds-open-amount", "This " + kind.name().toLowerCase()
                    + " would make the open amount of invoice " + invoiceId + " negative.");
        }
        int seq = after.get(INVOICE.LEDGER_SEQ);
        dsl.insertInto(LEDGER_ENTRY).set(LEDGER_ENTRY.TENANT_ID, TenantContext.require())
                .set(LEDGER_ENTRY.INVOICE_ID, invoiceId).set(LEDGER_ENTRY.SEQ, seq)
                .set(LEDGER_ENTRY.KIND, kind.name()).set(LEDGER_ENTRY.PRINCIPAL, principal)
                .set(LEDGER_ENTRY.COSTS, costs).set(LEDGER_ENTRY.INTEREST, interest)
                .set(LEDGER_ENTRY.VALUE_DATE, valueDate).set(LEDGER_ENTRY.REFERENCE, reference)
                .set(LEDGER_ENTRY.REVERSES_SEQ, reverses).set(LEDGER_ENTRY.NOTE, note)
                .set(LEDGER_ENTRY.ACTOR, Actor.current().name()).execute();
        Posting posting = new Posting(invoiceId, seq, after.get(INVOICE.OPEN_PRINCIPAL), after.get(INVOICE.OPEN_COSTS),
                after.get(INVOICE.OPEN_INTEREST), InvoiceStatus.valueOf(after.get(INVOICE.STATUS)));
        audit.record(AuditEvent.of("ledger.posted", "invoice", invoiceId).detail("kind", kind.name())
                .detail("seq", seq).detail("amount", delta.toPlainString()));
        UUID tenant = TenantContext.require();
        if (posting.openAmount().signum() == 0 && delta.signum() != 0) {
            events.publishEvent(new InvoiceSettled(tenant, invoiceId, posting.status()));
        } else if (posting.openAmount().signum() != 0 && posting.openAmount().subtract(delta).signum() == 0) {
            events.publishEvent(new InvoiceReopened(tenant, invoiceId, note == null ? kind.name() : note));
        }
        return posting;
    }
}
