package io.creditflow.portal;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.NotFoundException;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.InvoiceInput;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntry;
import io.creditflow.receivables.LedgerEntryKind;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR;
import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PORTAL_MESSAGE;

/**
 * What the signed-in debtor sees: their invoices, open and paid, and per invoice how the amount due came about (the
 * ledger's entries, each explained). Every query filters on the debtor; row-level security keeps it in the tenant.
 * Amounts come from the ledger (the invoice's open principal, costs and interest are the sums of its entries).
 */
@Component
public class PortalStatements {

    /** How many paid invoices the overview lists (newest first); older ones are in the data download. */
    static final int PAID_SHOWN = 50;
    static final int OPEN_SHOWN = 500;

    public record Row(UUID id, String number, LocalDate issueDate, LocalDate dueDate, String currency,
                      BigDecimal amount, BigDecimal openPrincipal, BigDecimal openCosts, BigDecimal openInterest,
                      String status, boolean overdue) {
        public BigDecimal open() {
            return openPrincipal.add(openCosts).add(openInterest);
        }

        public boolean disputed() {
            return status.equals("DISPUTED");
        }
    }

    public record Overview(String debtorName, boolean consumer, List<Row> open, List<Row> paid, BigDecimal totalOpen,
                           String currency, int unreadMessages) {
    }

    /** One ledger entry in the debtor's words: its kind decides the explanation (message key) shown beside it. */
    public record Line(LedgerEntryKind kind, LocalDate date, BigDecimal principal, BigDecimal costs,
                       BigDecimal interest, BigDecimal total) {
    }

    public record Detail(Row invoice, boolean consumer, List<Line> lines, List<InvoiceInput.Line> items,
                         String paymentReference, @Nullable String disputeReason) {
    }

    private final DSLContext dsl;
    private final Debtors debtors;
    private final Invoices invoices;
    private final Ledger ledger;
    private final AuditLog audit;
    private final java.time.Clock clock;

    PortalStatements(DSLContext dsl, Debtors debtors, Invoices invoices, Ledger ledger, AuditLog audit,
                     java.time.Clock clock) {
        this.dsl = dsl;
        this.debtors = debtors;
        this.invoices = invoices;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The overview page: the debtor's name (an audited read), open invoices by due date and the latest paid. Not
     * read-only: the audit entry is written in the same transaction (one commit per page view).
     */
    @Transactional
    public Overview overview(UUID debtorId) {
        Debtor debtor = debtors.get(debtorId);
        List<Row> open = dsl.selectFrom(INVOICE).where(INVOICE.DEBTOR_ID.eq(debtorId))
                .and(INVOICE.KIND.eq("INVOICE"))
                .and(INVOICE.STATUS.in("OPEN", "PARTIALLY_PAID", "DISPUTED", "IN_COLLECTION"))
                .orderBy(INVOICE.DUE_DATE, INVOICE.ID).limit(OPEN_SHOWN).fetch(this::row);
        List<Row> paid = dsl.selectFrom(INVOICE).where(INVOICE.DEBTOR_ID.eq(debtorId))
                .and(INVOICE.KIND.eq("INVOICE")).and(INVOICE.STATUS.eq("PAID"))
                .orderBy(INVOICE.DUE_DATE.desc(), INVOICE.ID).limit(PAID_SHOWN).fetch(this::row);
        BigDecimal total = open.stream().map(Row::open).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        int unread = dsl.fetchCount(PORTAL_MESSAGE, PORTAL_MESSAGE.DEBTOR_ID.eq(debtorId)
                .and(PORTAL_MESSAGE.SENDER.eq("TENANT")).and(PORTAL_MESSAGE.READ_AT.isNull()));
        return new Overview(debtor.displayName(), debtor.type().name().equals("CONSUMER"), open, paid, total,
                open.isEmpty() ? "EUR" : open.getFirst().currency(), unread);
    }

    /** One invoice of this debtor with its ledger explained; another debtor's invoice is not found. */
    @Transactional
    public Detail detail(UUID debtorId, UUID invoiceId) {
        var r = dsl.selectFrom(INVOICE).where(INVOICE.ID.eq(invoiceId)).and(INVOICE.DEBTOR_ID.eq(debtorId))
                .fetchOptional().orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        List<Line> lines = ledger.entries(invoiceId).stream().map(PortalStatements::line).toList();
        audit.record(AuditEvent.of("portal.invoice-viewed", "invoice", invoiceId).subject(debtorId));
        boolean consumer = "CONSUMER".equals(dsl.select(DEBTOR.TYPE).from(DEBTOR).where(DEBTOR.ID.eq(debtorId))
                .fetchOne(DEBTOR.TYPE));
        return new Detail(row(r), consumer, lines, invoices.lines(invoiceId), r.getPaymentReference(),
                r.getDisputeReason());
    }

    /** The debtor's open invoices among these ids (what pay, plan and promise may cover). */
    public List<Row> openAmong(UUID debtorId, List<UUID> ids) {
        return dsl.selectFrom(INVOICE).where(INVOICE.DEBTOR_ID.eq(debtorId)).and(INVOICE.ID.in(ids))
                .and(INVOICE.KIND.eq("INVOICE"))
                .and(INVOICE.STATUS.in("OPEN", "PARTIALLY_PAID", "DISPUTED", "IN_COLLECTION"))
                .orderBy(INVOICE.DUE_DATE).fetch(this::row);
    }

    private Row row(Record rec) {
        var r = rec.into(INVOICE);
        return new Row(r.getId(), r.getNumber(), r.getIssueDate(), r.getDueDate(), r.getCurrency(), r.getAmount(),
                r.getOpenPrincipal(), r.getOpenCosts(), r.getOpenInterest(), r.getStatus(),
                r.getDueDate().isBefore(LocalDate.now(clock)) && !r.getStatus().equals("PAID"));
    }

    private static Line line(LedgerEntry e) {
        return new Line(e.kind(), e.valueDate(), e.principal(), e.costs(), e.interest(), e.total());
    }
}
