package io.creditflow.payments.reconciliation;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.InvoiceRecord;
import io.creditflow.law.Allocation;
import io.creditflow.law.ClaimSnapshot;
import io.creditflow.law.IncomingPayment;
import io.creditflow.law.PaymentAllocation;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.platform.Actor;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantContext;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR_CREDIT;
import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PAYMENT;
import static io.creditflow.jooq.Tables.PAYMENT_ALLOCATION;

/**
 * Applies money to a debtor's invoices by law and books it in the ledger. The invoices are locked first (in id order,
 * so concurrent imports cannot deadlock), then {@link PaymentAllocation} decides: the invoices the payment named, in
 * the order named, then (when the tenant allocates surpluses by law, or nothing was named) the debtor's other claims,
 * due first, then oldest; within each invoice costs, then interest, then principal. A shortfall within the tenant's
 * tolerance is written off before the payment is booked, so the invoice ends PAID, not WRITTEN_OFF. What exceeds
 * everything becomes credit on the debtor's account. Runs in the caller's transaction.
 */
@Component
public class PaymentApplication {

    /** Where the money came from. */
    public enum Source { BANK, LINK, CREDIT }

    public record Request(UUID debtorId, List<UUID> designated, BigDecimal amount, String currency,
                          LocalDate valueDate, Source source, UUID sourceId, @Nullable String reference,
                          boolean manual, String note) {
        public Request {
            designated = List.copyOf(designated);
        }
    }

    /** One invoice's share. */
    public record Line(UUID invoiceId, String number, Allocation.Basis basis, BigDecimal toCosts,
                       BigDecimal toInterest, BigDecimal toPrincipal, BigDecimal writtenOff, int paymentSeq,
                       @Nullable Integer writeOffSeq) {
        public BigDecimal paid() {
            return toCosts.add(toInterest).add(toPrincipal);
        }
    }

    public record Applied(UUID paymentId, List<Line> lines, BigDecimal credited, BigDecimal writtenOff) {
        public List<UUID> invoiceIds() {
            return lines.stream().filter(l -> l.paid().signum() > 0).map(Line::invoiceId).toList();
        }
    }

    private final DSLContext dsl;
    private final Ledger ledger;
    private final AuditLog audit;

    PaymentApplication(DSLContext dsl, Ledger ledger, AuditLog audit) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * Applies the payment; empty when the invoices it names have nothing open any more (a second payment of one
     * invoice): such money is a person's decision (refund or credit), not automation's.
     */
    public Optional<Applied> apply(Request request, PaymentSettings settings) {
        boolean byLaw = request.designated().isEmpty() || settings.surplus() == PaymentSettings.Surplus.ALLOCATE_BY_LAW;
        List<InvoiceRecord> invoices = lock(request, byLaw);
        Map<String, InvoiceRecord> byId = new LinkedHashMap<>();
        invoices.forEach(i -> byId.put(i.getId().toString(), i));
        List<String> named = request.designated().stream().map(UUID::toString)
                .filter(id -> byId.containsKey(id) && open(byId.get(id)).signum() > 0).toList();
        if (!request.designated().isEmpty() && named.isEmpty()) {
            return Optional.empty();
        }
        List<ClaimSnapshot> claims = invoices.stream().filter(i -> open(i).signum() > 0)
                .map(PaymentApplication::claim).toList();
        Allocation allocation = PaymentAllocation.allocate(new IncomingPayment(request.amount(), request.currency(),
                request.valueDate(), named), claims);
        Map<String, BigDecimal[]> writeOffs = writeOffs(allocation, named, byId, settings.writeOffTolerance());
        UUID paymentId = Ids.newId();
        List<Line> lines = book(request, allocation, byId, writeOffs);
        BigDecimal writtenOff = lines.stream().map(Line::writtenOff).reduce(BigDecimal.ZERO, BigDecimal::add);
        record(paymentId, request, lines, allocation.unallocated(), writtenOff);
        return Optional.of(new Applied(paymentId, lines, allocation.unallocated(), writtenOff));
    }

    /** Keeps the whole payment as credit on the debtor's account (a person's choice: to refund or use later). */
    public Applied credit(Request request) {
        UUID paymentId = Ids.newId();
        record(paymentId, request, List.of(), request.amount(), BigDecimal.ZERO);
        return new Applied(paymentId, List.of(), request.amount(), BigDecimal.ZERO);
    }

    private List<InvoiceRecord> lock(Request request, boolean withDebtorsOtherClaims) {
        var condition = INVOICE.ID.in(request.designated());
        if (withDebtorsOtherClaims) {
            condition = condition.or(INVOICE.DEBTOR_ID.eq(request.debtorId())
                    .and(INVOICE.STATUS.in(OpenItemRows.OPEN_STATUSES)).and(INVOICE.KIND.eq("INVOICE")));
        }
        List<InvoiceRecord> locked = dsl.selectFrom(INVOICE).where(condition).orderBy(INVOICE.ID).forUpdate().fetch();
        Map<UUID, InvoiceRecord> byId = new HashMap<>();
        locked.forEach(r -> byId.put(r.getId(), r));
        List<InvoiceRecord> ordered = new ArrayList<>();
        request.designated().stream().map(byId::remove).filter(java.util.Objects::nonNull).forEach(ordered::add);
        ordered.addAll(byId.values());
        return ordered.stream().filter(r -> r.getDebtorId().equals(request.debtorId())
                && r.getKind().equals("INVOICE")).toList();
    }

    /** The shortfall on the named invoices, per component, when all of it fits within the tolerance. */
    private static Map<String, BigDecimal[]> writeOffs(Allocation allocation, List<String> named,
                                                       Map<String, InvoiceRecord> byId, BigDecimal tolerance) {
        if (named.isEmpty() || allocation.unallocated().signum() > 0) {
            return Map.of();
        }
        Map<String, BigDecimal[]> rest = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Allocation.ClaimAllocation line : allocation.claims()) {
            if (named.contains(line.claimId()) && line.openAfter().signum() > 0) {
                InvoiceRecord i = byId.get(line.claimId());
                rest.put(line.claimId(), new BigDecimal[] {i.getOpenPrincipal().subtract(line.toPrincipal()),
                        i.getOpenCosts().subtract(line.toCosts()), i.getOpenInterest().subtract(line.toInterest())});
                total = total.add(line.openAfter());
            }
        }
        return total.signum() > 0 && total.compareTo(tolerance) <= 0 ? rest : Map.of();
    }

    private List<Line> book(Request request, Allocation allocation, Map<String, InvoiceRecord> byId,
                            Map<String, BigDecimal[]> writeOffs) {
        List<Line> lines = new ArrayList<>();
        for (Allocation.ClaimAllocation share : allocation.claims()) {
            if (share.total().signum() == 0) {
                continue;
            }
            InvoiceRecord invoice = byId.get(share.claimId());
            BigDecimal[] off = writeOffs.get(share.claimId());
            BigDecimal writtenOff = BigDecimal.ZERO;
            Integer writeOffSeq = null;
            if (off != null) {
                writeOffSeq = ledger.post(invoice.getId(), LedgerEntryKind.WRITE_OFF, off[0].negate(),
                        off[1].negate(), off[2].negate(), request.valueDate(), request.reference(),
                        "difference within tolerance").seq();
                writtenOff = off[0].add(off[1]).add(off[2]);
            }
            int seq = ledger.post(invoice.getId(), LedgerEntryKind.PAYMENT, share.toPrincipal().negate(),
                    share.toCosts().negate(), share.toInterest().negate(), request.valueDate(), request.reference(),
                    request.note()).seq();
            lines.add(new Line(invoice.getId(), invoice.getNumber(), share.basis(), share.toCosts(),
                    share.toInterest(), share.toPrincipal(), writtenOff, seq, writeOffSeq));
        }
        return lines;
    }

    private void record(UUID paymentId, Request request, List<Line> lines, BigDecimal credited, BigDecimal writtenOff) {
        UUID tenant = TenantContext.require();
        dsl.insertInto(PAYMENT).set(PAYMENT.TENANT_ID, tenant).set(PAYMENT.ID, paymentId)
                .set(PAYMENT.SOURCE, request.source().name()).set(PAYMENT.SOURCE_ID, request.sourceId())
                .set(PAYMENT.DEBTOR_ID, request.debtorId()).set(PAYMENT.AMOUNT, request.amount())
                .set(PAYMENT.CURRENCY, request.currency()).set(PAYMENT.VALUE_DATE, request.valueDate())
                .set(PAYMENT.CREDITED, credited).set(PAYMENT.WRITTEN_OFF, writtenOff)
                .set(PAYMENT.MANUAL, request.manual()).set(PAYMENT.REFERENCE, request.reference())
                .set(PAYMENT.CREATED_BY, Actor.current().name()).execute();
        if (!lines.isEmpty()) {
            var insert = dsl.insertInto(PAYMENT_ALLOCATION, PAYMENT_ALLOCATION.TENANT_ID, PAYMENT_ALLOCATION.PAYMENT_ID,
                    PAYMENT_ALLOCATION.INVOICE_ID, PAYMENT_ALLOCATION.POSITION, PAYMENT_ALLOCATION.BASIS,
                    PAYMENT_ALLOCATION.TO_COSTS, PAYMENT_ALLOCATION.TO_INTEREST, PAYMENT_ALLOCATION.TO_PRINCIPAL,
                    PAYMENT_ALLOCATION.WRITTEN_OFF, PAYMENT_ALLOCATION.PAYMENT_SEQ, PAYMENT_ALLOCATION.WRITE_OFF_SEQ);
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                insert = insert.values(tenant, paymentId, l.invoiceId(), i + 1, l.basis().name(), l.toCosts(),
                        l.toInterest(), l.toPrincipal(), l.writtenOff(), l.paymentSeq(), l.writeOffSeq());
            }
            insert.execute();
        }
        if (credited.signum() > 0) {
            dsl.insertInto(DEBTOR_CREDIT).set(DEBTOR_CREDIT.TENANT_ID, tenant).set(DEBTOR_CREDIT.ID, Ids.newId())
                    .set(DEBTOR_CREDIT.DEBTOR_ID, request.debtorId()).set(DEBTOR_CREDIT.PAYMENT_ID, paymentId)
                    .set(DEBTOR_CREDIT.AMOUNT, credited).set(DEBTOR_CREDIT.NOTE, request.note()).execute();
        }
        if (request.manual()) {
            audit.record(AuditEvent.of("payment.applied", "payment", paymentId).subject(request.debtorId())
                    .detail("amount", request.amount().toPlainString()).detail("invoices", lines.size()));
        }
    }

    /** A payment that was applied and may be undone. */
    public record Reversed(UUID paymentId, UUID debtorId, List<UUID> invoiceIds, boolean manual) {
    }

    /**
     * Undoes an applied payment: reverses its ledger postings (the write-off too), so every invoice is open again by
     * exactly what the payment had done to it, and withdraws its unused credit. Empty when it was already reversed.
     */
    public Optional<Reversed> reverse(UUID paymentId, LocalDate valueDate, String note) {
        var payment = dsl.selectFrom(PAYMENT).where(PAYMENT.ID.eq(paymentId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new io.creditflow.platform.NotFoundException("Payment", paymentId));
        if (!"APPLIED".equals(payment.getStatus())) {
            return Optional.empty();
        }
        List<UUID> invoices = new ArrayList<>();
        for (var a : dsl.selectFrom(PAYMENT_ALLOCATION).where(PAYMENT_ALLOCATION.PAYMENT_ID.eq(paymentId))
                .orderBy(PAYMENT_ALLOCATION.POSITION).fetch()) {
            if (a.getPaymentSeq() != null) {
                ledger.reverse(a.getInvoiceId(), a.getPaymentSeq(), valueDate, note);
            }
            if (a.getWriteOffSeq() != null) {
                ledger.reverse(a.getInvoiceId(), a.getWriteOffSeq(), valueDate, note);
            }
            invoices.add(a.getInvoiceId());
        }
        dsl.update(PAYMENT).set(PAYMENT.STATUS, "REVERSED").set(PAYMENT.REVERSED_AT, java.time.OffsetDateTime.now())
                .where(PAYMENT.ID.eq(paymentId)).execute();
        dsl.update(DEBTOR_CREDIT).set(DEBTOR_CREDIT.STATUS, "REVERSED")
                .set(DEBTOR_CREDIT.CLOSED_AT, java.time.OffsetDateTime.now())
                .where(DEBTOR_CREDIT.PAYMENT_ID.eq(paymentId)).and(DEBTOR_CREDIT.STATUS.eq("OPEN")).execute();
        audit.record(AuditEvent.of("payment.reversed", "payment", paymentId).subject(payment.getDebtorId())
                .detail("invoices", invoices.size()));
        return Optional.of(new Reversed(paymentId, payment.getDebtorId(), invoices, payment.getManual()));
    }

    static BigDecimal open(InvoiceRecord i) {
        return i.getOpenPrincipal().add(i.getOpenCosts()).add(i.getOpenInterest());
    }

    private static ClaimSnapshot claim(InvoiceRecord i) {
        return new ClaimSnapshot(i.getId().toString(), i.getCurrency(), i.getDueDate(), i.getOpenCosts(),
                i.getOpenInterest(), i.getOpenPrincipal(), BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
