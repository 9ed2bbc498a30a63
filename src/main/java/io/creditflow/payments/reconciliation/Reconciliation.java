package io.creditflow.payments.reconciliation;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.BankEntryRecord;
import io.creditflow.payments.PaymentReceived;
import io.creditflow.payments.PaymentReversed;
import io.creditflow.payments.matching.Reason;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.BANK_ENTRY;
import static io.creditflow.jooq.Tables.BANK_ENTRY_SUGGESTION;
import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PAYER_ACCOUNT;
import static io.creditflow.jooq.Tables.PAYMENT;

/**
 * What a person does with the queue: accept a suggestion, assign the payment to invoices of their choosing (or keep it
 * as the debtor's credit), set it aside as not a receivable, or undo an application. Every decision records who made
 * it, and automation never touches a line a person decided. Two people acting on one line at once: the second finds
 * it decided (the row is locked while the first applies).
 */
@Component
public class Reconciliation {

    private final DSLContext dsl;
    private final PaymentApplication application;
    private final PaymentSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final JsonMapper json;

    Reconciliation(DSLContext dsl, PaymentApplication application, PaymentSettingsStore settings,
                   ApplicationEventPublisher events, AuditLog audit, JsonMapper json) {
        this.dsl = dsl;
        this.application = application;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
        this.json = json;
    }

    /** Applies the suggestion of this rank as it stands. */
    @Transactional
    public void accept(UUID entryId, int rank) {
        BankEntryRecord entry = lockWaiting(entryId);
        var suggestion = dsl.selectFrom(BANK_ENTRY_SUGGESTION).where(BANK_ENTRY_SUGGESTION.ENTRY_ID.eq(entryId))
                .and(BANK_ENTRY_SUGGESTION.RANK.eq((short) rank)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Suggestion", entryId + "#" + rank));
        apply(entry, suggestion.getDebtorId(), List.of(suggestion.getInvoiceIds()), Reason.of("acceptedSuggestion",
                rank));
    }

    /**
     * Applies the payment to these invoices (in this order: the person's designation), or, with no invoices, keeps it
     * as credit on the debtor's account... by law over the debtor's open invoices when {@code byLaw}.
     */
    @Transactional
    public void assign(UUID entryId, @Nullable UUID debtorId, List<UUID> invoiceIds, boolean byLaw) {
        BankEntryRecord entry = lockWaiting(entryId);
        UUID debtor = debtorId;
        if (!invoiceIds.isEmpty()) {
            Set<UUID> debtors = Set.copyOf(dsl.select(INVOICE.DEBTOR_ID).from(INVOICE).where(INVOICE.ID.in(invoiceIds))
                    .fetch(INVOICE.DEBTOR_ID));
            if (debtors.size() != 1 || (debtor != null && !debtors.contains(debtor))) {
                throw new BusinessRuleException("invoices-of-one-debtor",
                        "A payment is applied to invoices of one debtor; these belong to " + debtors.size() + ".");
            }
            debtor = debtors.iterator().next();
        }
        if (debtor == null) {
            throw new BusinessRuleException("debtor-required", "Choose the debtor or the invoices the payment is for.");
        }
        Reason reason = invoiceIds.isEmpty() ? (byLaw ? Reason.of("assignedByLaw") : Reason.of("assignedAsCredit"))
                : Reason.of("assignedByHand", invoiceIds.size());
        apply(entry, debtor, invoiceIds, reason, !invoiceIds.isEmpty() || byLaw);
    }

    private void apply(BankEntryRecord entry, UUID debtor, List<UUID> invoices, Reason reason) {
        apply(entry, debtor, invoices, reason, true);
    }

    private void apply(BankEntryRecord entry, UUID debtor, List<UUID> invoices, Reason reason, boolean allocate) {
        var request = new PaymentApplication.Request(debtor, invoices, entry.getAmount(), entry.getCurrency(),
                entry.getBookingDate(), PaymentApplication.Source.BANK, entry.getId(), "bank " + entry.getEntryRef(),
                true, "matched by " + Actor.current().name());
        PaymentApplication.Applied applied = allocate ? application.apply(request, settings.current())
                .orElseThrow(() -> new BusinessRuleException("nothing-open",
                        "The chosen invoices have nothing open any more; keep the payment as credit instead."))
                : application.credit(request);
        List<Reason> reasons = new ArrayList<>(List.of(reason));
        reasons.addAll(ImportSteps.withOutcome(List.of(), applied));
        decide(entry.getId(), "APPLIED", debtor, reasons);
        if (entry.getPayerIbanIndex() != null) {
            dsl.insertInto(PAYER_ACCOUNT).set(PAYER_ACCOUNT.TENANT_ID, TenantContext.require())
                    .set(PAYER_ACCOUNT.IBAN_INDEX, entry.getPayerIbanIndex()).set(PAYER_ACCOUNT.DEBTOR_ID, debtor)
                    .set(PAYER_ACCOUNT.LEARNED, "MANUAL").onConflictDoNothing().execute();
        }
        audit.record(AuditEvent.of("bank-entry.matched", "bank-entry", entry.getId()).subject(debtor)
                .detail("invoices", applied.lines().size()));
        events.publishEvent(new PaymentReceived(TenantContext.require(), applied.paymentId(), debtor,
                applied.invoiceIds(), "BANK"));
    }

    /** Sets the line aside: not money for an invoice (a supplier's refund, a transfer between own accounts). */
    @Transactional
    public void ignore(UUID entryId, String note) {
        BankEntryRecord entry = lockWaiting(entryId);
        decide(entry.getId(), "IGNORED", null, List.of(Reason.of("setAside", note.isBlank() ? "-" : note.strip())));
        audit.record(AuditEvent.of("bank-entry.set-aside", "bank-entry", entryId));
    }

    /** Undoes an application (automatic or not): the invoices are open again and the line waits for a person. */
    @Transactional
    public void unapply(UUID entryId) {
        BankEntryRecord entry = dsl.selectFrom(BANK_ENTRY).where(BANK_ENTRY.ID.eq(entryId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("Bank statement entry", entryId));
        if (!"APPLIED".equals(entry.getState()) || !"PAYMENT".equals(entry.getKind())) {
            throw new BusinessRuleException("not-applied", "Only an applied payment can be undone.");
        }
        UUID paymentId = dsl.select(PAYMENT.ID).from(PAYMENT).where(PAYMENT.SOURCE.eq("BANK"))
                .and(PAYMENT.SOURCE_ID.eq(entryId)).and(PAYMENT.STATUS.eq("APPLIED")).fetchOptional(PAYMENT.ID)
                .orElseThrow(() -> new BusinessRuleException("not-applied", "This line has no applied payment."));
        var reversed = application.reverse(paymentId, entry.getBookingDate(), "undone by " + Actor.current().name())
                .orElseThrow();
        decide(entryId, "SUGGESTED", entry.getDebtorId(), List.of(Reason.of("undoneByHand")));
        events.publishEvent(new PaymentReversed(TenantContext.require(), paymentId, reversed.debtorId(),
                reversed.invoiceIds(), "undone by hand"));
    }

    private BankEntryRecord lockWaiting(UUID entryId) {
        BankEntryRecord entry = dsl.selectFrom(BANK_ENTRY).where(BANK_ENTRY.ID.eq(entryId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("Bank statement entry", entryId));
        if (!entry.getState().equals("SUGGESTED") && !entry.getState().equals("UNMATCHED")) {
            throw new BusinessRuleException("already-decided", "This line is " + entry.getState().toLowerCase()
                    + (entry.getDecidedBy() == null ? "" : " (by " + entry.getDecidedBy() + ")") + ".");
        }
        if (!entry.getKind().equals("PAYMENT") && !entry.getKind().equals("RETURN")) {
            throw new BusinessRuleException("not-a-payment", "Only incoming payments can be applied.");
        }
        return entry;
    }

    private void decide(UUID entryId, String state, @Nullable UUID debtor, List<Reason> reasons) {
        dsl.update(BANK_ENTRY).set(BANK_ENTRY.STATE, state).set(BANK_ENTRY.DEBTOR_ID, debtor)
                .set(BANK_ENTRY.REASONS, json.writeValueAsString(reasons))
                .set(BANK_ENTRY.DECIDED_BY, Actor.current().name()).set(BANK_ENTRY.DECIDED_AT, DSL.currentOffsetDateTime())
                .where(BANK_ENTRY.ID.eq(entryId)).execute();
    }
}
