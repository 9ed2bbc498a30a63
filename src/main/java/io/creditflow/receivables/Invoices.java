package io.creditflow.receivables;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ConflictException;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.jooq.tables.records.InvoiceRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.INVOICE_LINE;
import static io.creditflow.jooq.Tables.LEDGER_ENTRY;

/** The current tenant's invoices and credit notes. Open amounts change only through the {@link Ledger}. */
@Component
public class Invoices {

    private final DSLContext dsl;
    private final Debtors debtors;
    private final Ledger ledger;
    private final PaymentReferences references;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Invoices(DSLContext dsl, Debtors debtors, Ledger ledger, PaymentReferences references, AuditLog audit,
             ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.debtors = debtors;
        this.ledger = ledger;
        this.references = references;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Invoice register(InvoiceInput in, String source) {
        List<BusinessRuleException.FieldError> errors = InvoiceValidation.check(in);
        if (!errors.isEmpty()) {
            throw new ValidationException("The invoice has invalid fields.", errors);
        }
        UUID debtorId = resolveDebtor(in);
        if (dsl.fetchExists(INVOICE, INVOICE.NUMBER.eq(in.number()))) {
            throw new ConflictException("Invoice number " + in.number() + " is already registered.");
        }
        if (in.externalId() != null && dsl.fetchExists(INVOICE, INVOICE.EXTERNAL_ID.eq(in.externalId()))) {
            throw new ConflictException("An invoice with external id " + in.externalId() + " is already registered.");
        }
        UUID id = Ids.newId();
        UUID tenant = TenantContext.require();
        InvoiceKind kind = in.kind() == null ? InvoiceKind.INVOICE : in.kind();
        BigDecimal principal = kind == InvoiceKind.CREDIT_NOTE ? in.amount().negate() : in.amount();
        String reference = in.paymentReference() == null || in.paymentReference().isBlank()
                ? references.next() : in.paymentReference().replaceAll("[\\s.]", "").toUpperCase();
        dsl.insertInto(INVOICE).set(INVOICE.TENANT_ID, tenant).set(INVOICE.ID, id).set(INVOICE.DEBTOR_ID, debtorId)
                .set(INVOICE.EXTERNAL_ID, in.externalId()).set(INVOICE.NUMBER, in.number())
                .set(INVOICE.KIND, kind.name()).set(INVOICE.ISSUE_DATE, in.issueDate())
                .set(INVOICE.DUE_DATE, in.dueDate()).set(INVOICE.CURRENCY, in.currency())
                .set(INVOICE.AMOUNT, in.amount()).set(INVOICE.VAT_AMOUNT, in.vatAmount())
                .set(INVOICE.PAYMENT_REFERENCE, reference).set(INVOICE.STATUS, InvoiceStatus.OPEN.name())
                .set(INVOICE.OPEN_PRINCIPAL, principal).set(INVOICE.LEDGER_SEQ, 1).set(INVOICE.SOURCE, source)
                .execute();
        dsl.insertInto(LEDGER_ENTRY).set(LEDGER_ENTRY.TENANT_ID, tenant).set(LEDGER_ENTRY.INVOICE_ID, id)
                .set(LEDGER_ENTRY.SEQ, 1).set(LEDGER_ENTRY.KIND, LedgerEntryKind.ISSUED.name())
                .set(LEDGER_ENTRY.PRINCIPAL, principal).set(LEDGER_ENTRY.VALUE_DATE, in.issueDate())
                .set(LEDGER_ENTRY.REFERENCE, in.number()).execute();
        int lineNo = 0;
        for (InvoiceInput.Line line : in.lines()) {
            dsl.insertInto(INVOICE_LINE).set(INVOICE_LINE.TENANT_ID, tenant).set(INVOICE_LINE.INVOICE_ID, id)
                    .set(INVOICE_LINE.LINE_NO, ++lineNo).set(INVOICE_LINE.DESCRIPTION, line.description())
                    .set(INVOICE_LINE.QUANTITY, line.quantity()).set(INVOICE_LINE.UNIT_PRICE, line.unitPrice())
                    .set(INVOICE_LINE.VAT_RATE, line.vatRate()).set(INVOICE_LINE.AMOUNT, line.amount()).execute();
        }
        audit.record(AuditEvent.of("invoice.registered", "invoice", id).subject(debtorId)
                .detail("number", in.number()).detail("source", source));
        events.publishEvent(new InvoiceRegistered(tenant, id, debtorId));
        return get(id);
    }

    public Invoice get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    public Optional<Invoice> find(UUID id) {
        return dsl.selectFrom(INVOICE).where(INVOICE.ID.eq(id)).fetchOptional().map(Invoices::toInvoice);
    }

    public Optional<Invoice> findByNumber(String number) {
        return dsl.selectFrom(INVOICE).where(INVOICE.NUMBER.eq(number)).fetchOptional().map(Invoices::toInvoice);
    }

    public List<InvoiceInput.Line> lines(UUID invoiceId) {
        return dsl.selectFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.eq(invoiceId)).orderBy(INVOICE_LINE.LINE_NO)
                .fetch(r -> new InvoiceInput.Line(r.getDescription(), r.getQuantity(), r.getUnitPrice(),
                        r.getVatRate(), r.getAmount()));
    }

    /** Filters for listing; all optional. */
    public record Filter(@Nullable UUID debtorId, @Nullable InvoiceStatus status, @Nullable Boolean open,
                         @Nullable LocalDate dueBefore, @Nullable String number) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    public CursorPage<Invoice> list(Filter filter, @Nullable String cursor, int limit) {
        Condition c = DSL.trueCondition();
        if (filter.debtorId() != null) {
            c = c.and(INVOICE.DEBTOR_ID.eq(filter.debtorId()));
        }
        if (filter.status() != null) {
            c = c.and(INVOICE.STATUS.eq(filter.status().name()));
        }
        if (Boolean.TRUE.equals(filter.open())) {
            c = c.and(INVOICE.STATUS.in("OPEN", "PARTIALLY_PAID", "DISPUTED", "IN_COLLECTION"));
        }
        if (filter.dueBefore() != null) {
            c = c.and(INVOICE.DUE_DATE.lt(filter.dueBefore()));
        }
        if (filter.number() != null) {
            c = c.and(INVOICE.NUMBER.eq(filter.number()));
        }
        String after = CursorPage.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|");
            c = c.and(DSL.row(INVOICE.DUE_DATE, INVOICE.ID).lt(LocalDate.parse(parts[0]), UUID.fromString(parts[1])));
        }
        List<Invoice> rows = dsl.selectFrom(INVOICE).where(c).orderBy(INVOICE.DUE_DATE.desc(), INVOICE.ID.desc())
                .limit(limit + 1).fetch(Invoices::toInvoice);
        return CursorPage.of(rows, limit, i -> i.dueDate() + "|" + i.id());
    }

    /** The debtor disputes the invoice: dunning pauses for it until the dispute is resolved. */
    @Transactional
    public Invoice dispute(UUID id, String reason) {
        if (reason.isBlank() || reason.length() > 1000) {
            throw new BusinessRuleException("invalid-reason", "A dispute needs a reason of at most 1000 characters.");
        }
        int n = dsl.update(INVOICE).set(INVOICE.STATUS, InvoiceStatus.DISPUTED.name())
                .set(INVOICE.DISPUTE_REASON, reason).set(INVOICE.UPDATED_AT, OffsetDateTime.now())
                .set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.eq(id)).and(INVOICE.STATUS.notIn("PAID", "WRITTEN_OFF")).execute();
        if (n == 0) {
            Invoice current = get(id);
            throw new BusinessRuleException("not-open", "Invoice " + current.number() + " is " + current.status()
                    + " and cannot be disputed.");
        }
        audit.record(AuditEvent.of("invoice.disputed", "invoice", id));
        events.publishEvent(new InvoiceDisputed(TenantContext.require(), id, reason));
        return get(id);
    }

    @Transactional
    public Invoice resolveDispute(UUID id, String resolution) {
        int n = dsl.update(INVOICE)
                .set(INVOICE.STATUS, DSL.when(DSL.abs(INVOICE.OPEN_PRINCIPAL).lt(INVOICE.AMOUNT),
                        DSL.inline("PARTIALLY_PAID")).otherwise(DSL.inline("OPEN")))
                .set(INVOICE.UPDATED_AT, OffsetDateTime.now()).set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.eq(id)).and(INVOICE.STATUS.eq("DISPUTED")).execute();
        if (n == 0) {
            throw new BusinessRuleException("not-disputed", "Invoice " + id + " is not disputed.");
        }
        // the resolution is free text about the debtor: it belongs in no immutable log
        audit.record(AuditEvent.of("invoice.dispute-resolved", "invoice", id));
        events.publishEvent(new InvoiceDisputeResolved(TenantContext.require(), id, resolution));
        return get(id);
    }

    /** Marks open invoices as handed to a collection case (status IN_COLLECTION). */
    @Transactional
    public int markInCollection(List<UUID> ids) {
        return dsl.update(INVOICE).set(INVOICE.STATUS, InvoiceStatus.IN_COLLECTION.name())
                .set(INVOICE.UPDATED_AT, OffsetDateTime.now())
                .where(INVOICE.ID.in(ids)).and(INVOICE.STATUS.in("OPEN", "PARTIALLY_PAID")).execute();
    }

    /**
     * Takes invoices out of a collection case that was withdrawn: IN_COLLECTION becomes OPEN or PARTIALLY_PAID again
     * (as the ledger would set it), so dunning and payments treat them as ordinary open invoices. Other statuses are
     * left alone.
     */
    @Transactional
    public int releaseFromCollection(List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return dsl.update(INVOICE)
                .set(INVOICE.STATUS, DSL.when(DSL.abs(INVOICE.OPEN_PRINCIPAL).lt(INVOICE.AMOUNT),
                        DSL.inline("PARTIALLY_PAID")).otherwise(DSL.inline("OPEN")))
                .set(INVOICE.UPDATED_AT, OffsetDateTime.now()).set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.in(ids)).and(INVOICE.STATUS.eq(InvoiceStatus.IN_COLLECTION.name())).execute();
    }

    /** Writes off what is still open (an uncollectable claim, a small difference within tolerance). */
    @Transactional
    public Ledger.Posting writeOff(UUID id, LocalDate date, String reason) {
        Invoice invoice = get(id);
        return ledger.post(id, LedgerEntryKind.WRITE_OFF, invoice.openPrincipal().negate(),
                invoice.openCosts().negate(), invoice.openInterest().negate(), date, null, reason);
    }

    private UUID resolveDebtor(InvoiceInput in) {
        if (in.debtorId() != null) {
            debtors.load(in.debtorId());
            return in.debtorId();
        }
        return debtors.idByExternalId(in.debtorExternalId()).orElseThrow(() -> new BusinessRuleException(
                "unknown-debtor", "No debtor with external id " + in.debtorExternalId() + ".",
                List.of(new BusinessRuleException.FieldError("debtorExternalId", "unknown debtor"))));
    }

    static Invoice toInvoice(InvoiceRecord r) {
        return new Invoice(r.getId(), r.getDebtorId(), r.getExternalId(), r.getNumber(),
                InvoiceKind.valueOf(r.getKind()), r.getIssueDate(), r.getDueDate(), r.getCurrency(), r.getAmount(),
                r.getVatAmount(), r.getPaymentReference(), InvoiceStatus.valueOf(r.getStatus()), r.getDisputeReason(),
                r.getOpenPrincipal(), r.getOpenCosts(), r.getOpenInterest(), r.getSource(), r.getCreatedAt(),
                r.getSettledAt(), r.getVersion());
    }
}
