package io.creditflow.receivables.imports;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import io.creditflow.receivables.DebtorInput;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.DebtorValidation;
import io.creditflow.receivables.InvoiceInput;
import io.creditflow.receivables.InvoiceKind;
import io.creditflow.receivables.InvoiceValidation;
import io.creditflow.receivables.InvoicesImported;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR;
import static io.creditflow.jooq.Tables.INVOICE;

/**
 * Up to {@link #MAX_ITEMS} debtors and invoices in one request, all or nothing: every item is checked first (each
 * problem names the item's index and field), then everything is written set-based in one transaction. Debtors are
 * matched by external id, invoices by number; an item equal to what is stored changes nothing.
 */
@Component
public class ReceivablesBatch {

    public static final int MAX_ITEMS = 10_000;

    private final DSLContext dsl;
    private final BulkIntake intake;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ReceivablesBatch(DSLContext dsl, BulkIntake intake, AuditLog audit, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.intake = intake;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public BulkIntake.Result write(List<DebtorInput> debtors, List<InvoiceInput> invoices) {
        List<FieldError> errors = new ArrayList<>();
        if (debtors.size() + invoices.size() > MAX_ITEMS) {
            throw new ValidationException("A batch holds at most " + MAX_ITEMS + " items.", List.of(new FieldError(
                    "items", debtors.size() + invoices.size() + " items; split the batch")));
        }
        List<DebtorRow> debtorRows = debtors(debtors, errors);
        List<InvoiceRow> invoiceRows = invoices(invoices, debtorRows, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("The batch has invalid items; nothing was written.", errors);
        }
        BulkIntake.Result result = intake.write(debtorRows, invoiceRows, "API");
        UUID batchId = Ids.newId();
        audit.record(AuditEvent.of("receivables.batch-written", "batch", batchId)
                .detail("debtorsCreated", result.debtorsCreated()).detail("debtorsUpdated", result.debtorsUpdated())
                .detail("invoicesCreated", result.invoicesCreated()).detail("invoicesUpdated", result.invoicesUpdated())
                .detail("unchanged", result.unchanged()));
        int changedInvoices = result.invoicesCreated() + result.invoicesUpdated();
        int changedDebtors = result.debtorsCreated() + result.debtorsUpdated();
        if (changedInvoices + changedDebtors > 0) {
            events.publishEvent(new InvoicesImported(TenantContext.require(), batchId, changedInvoices, changedDebtors));
        }
        return result;
    }

    private static List<DebtorRow> debtors(List<DebtorInput> debtors, List<FieldError> errors) {
        List<DebtorRow> rows = new ArrayList<>(debtors.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < debtors.size(); i++) {
            DebtorInput d = debtors.get(i);
            String at = "debtors[" + i + "].";
            DebtorValidation.check(d).forEach(e -> errors.add(new FieldError(at + e.field(), e.reason())));
            if (d.externalId() == null || d.externalId().isBlank()) {
                errors.add(new FieldError(at + "externalId", "required in a batch (debtors are matched by it)"));
                continue;
            }
            if (!seen.add(d.externalId())) {
                errors.add(new FieldError(at + "externalId", "debtor " + d.externalId() + " occurs twice"));
            }
            rows.add(new DebtorRow(d.externalId(), d.type() == null ? DebtorType.CONSUMER : d.type(),
                    d.language() == null ? "nl" : d.language(),
                    d.preferredChannel() == null ? "EMAIL" : d.preferredChannel(), country(d), d.tags(), d.profile()));
        }
        return rows;
    }

    private List<InvoiceRow> invoices(List<InvoiceInput> invoices, List<DebtorRow> debtors, List<FieldError> errors) {
        Set<String> known = new HashSet<>();
        debtors.forEach(d -> known.add(d.externalId()));
        Map<UUID, String> byId = externalIdsOf(invoices);
        Set<String> referenced = new HashSet<>();
        invoices.forEach(in -> referenced.add(debtorOf(in, byId)));
        referenced.removeAll(known);
        referenced.remove(null);
        if (!referenced.isEmpty()) {
            known.addAll(dsl.select(DEBTOR.EXTERNAL_ID).from(DEBTOR).where(DEBTOR.EXTERNAL_ID.in(referenced))
                    .fetch(DEBTOR.EXTERNAL_ID));
        }
        Map<String, Integer> numbers = new HashMap<>();
        List<InvoiceRow> rows = new ArrayList<>(invoices.size());
        for (int i = 0; i < invoices.size(); i++) {
            InvoiceInput in = invoices.get(i);
            String at = "invoices[" + i + "].";
            List<FieldError> own = InvoiceValidation.check(in);
            own.forEach(e -> errors.add(new FieldError(at + e.field(), e.reason())));
            String debtor = debtorOf(in, byId);
            if (debtor != null && !known.contains(debtor)) {
                errors.add(new FieldError(at + (in.debtorId() != null ? "debtorId" : "debtorExternalId"),
                        "unknown debtor (not registered and not in this batch)"));
            }
            Integer earlier = in.number() == null ? null : numbers.putIfAbsent(in.number(), i);
            if (earlier != null) {
                errors.add(new FieldError(at + "number", "invoice number " + in.number() + " is also item " + earlier));
            }
            if (own.isEmpty() && debtor != null) {
                String ref = in.paymentReference() == null || in.paymentReference().isBlank() ? null
                        : in.paymentReference().replaceAll("[\\s.]", "").toUpperCase();
                rows.add(new InvoiceRow(debtor, in.number(), in.externalId(),
                        in.kind() == null ? InvoiceKind.INVOICE : in.kind(), in.issueDate(), in.dueDate(),
                        in.currency(), in.amount(), in.vatAmount(), ref));
            }
        }
        checkAgainstStored(rows, numbers, errors);
        return rows;
    }

    /** A stored invoice may not become a credit note, nor drop below what was already paid on it. */
    private void checkAgainstStored(List<InvoiceRow> rows, Map<String, Integer> index, List<FieldError> errors) {
        Map<String, InvoiceRow> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.number(), r));
        dsl.select(INVOICE.NUMBER, INVOICE.KIND, INVOICE.AMOUNT, INVOICE.OPEN_PRINCIPAL).from(INVOICE)
                .where(INVOICE.NUMBER.in(byNumber.keySet())).forEach(r -> {
                    InvoiceRow row = byNumber.get(r.value1());
                    BigDecimal settled = r.value3().subtract(r.value4().abs());
                    String at = "invoices[" + index.get(r.value1()) + "].";
                    if (!row.kind().name().equals(r.value2())) {
                        errors.add(new FieldError(at + "kind", "invoice " + r.value1() + " is registered as "
                                + r.value2()));
                    } else if (row.amount().compareTo(settled) < 0) {
                        errors.add(new FieldError(at + "amount", "less than the " + settled
                                + " already paid or credited"));
                    }
                });
    }

    private Map<UUID, String> externalIdsOf(List<InvoiceInput> invoices) {
        Set<UUID> ids = new HashSet<>();
        invoices.stream().filter(i -> i.debtorId() != null).forEach(i -> ids.add(i.debtorId()));
        Map<UUID, String> map = new HashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(DEBTOR.ID, DEBTOR.EXTERNAL_ID).from(DEBTOR).where(DEBTOR.ID.in(ids))
                    .forEach(r -> map.put(r.value1(), r.value2()));
        }
        return map;
    }

    private static String debtorOf(InvoiceInput in, Map<UUID, String> byId) {
        if (in.debtorId() != null) {
            return byId.getOrDefault(in.debtorId(), "#" + in.debtorId());
        }
        return in.debtorExternalId();
    }

    private static String country(DebtorInput d) {
        if (d.country() != null) {
            return d.country();
        }
        var billing = d.profile().billingAddress();
        return billing == null ? null : billing.country();
    }
}
