package io.creditflow.receivables;

import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.LEDGER_ENTRY;

/**
 * The debtor's invoices with their lines and ledgers, and the debtor page's timeline. On erasure invoices are kept,
 * without the personal parts (dispute reasons), for fiscal retention: seven years from the end of the year of issue
 * (art. 52 AWR, art. 2:10 BW); the retention job deletes them after that.
 */
@Component
class InvoicePersonalData implements PersonalDataContributor {

    static final String FISCAL_GROUND = "Fiscal retention: art. 52 General Tax Act (AWR) and art. 2:10 Dutch Civil "
            + "Code require the records of invoices to be kept for seven years";

    private final DSLContext dsl;
    private final Invoices invoices;
    private final Ledger ledger;
    private final DebtorTimeline timeline;

    InvoicePersonalData(DSLContext dsl, Invoices invoices, Ledger ledger, DebtorTimeline timeline) {
        this.dsl = dsl;
        this.invoices = invoices;
        this.ledger = ledger;
        this.timeline = timeline;
    }

    @Override
    public String section() {
        return "receivables.invoices";
    }

    @Override
    public int erasureOrder() {
        return 99;
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Invoices, payments and ledgers", "Collecting payment; fiscal record keeping",
                "Debtors of the controller", List.of("invoices and lines", "amounts owed and paid",
                        "payment references", "disputes", "original e-invoices (UBL documents as received)"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Invoice> all = all(subject);
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (Invoice i : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recordType", "invoice");
            m.put("id", i.id().toString());
            m.put("number", i.number());
            m.put("externalId", i.externalId());
            m.put("kind", i.kind().name());
            m.put("issueDate", i.issueDate().toString());
            m.put("dueDate", i.dueDate().toString());
            m.put("currency", i.currency());
            m.put("amount", money(i.amount()));
            m.put("vatAmount", i.vatAmount() == null ? null : money(i.vatAmount()));
            m.put("paymentReference", i.paymentReference());
            m.put("status", i.status().name());
            m.put("disputeReason", i.disputeReason());
            m.put("openAmount", money(i.openAmount()));
            m.put("openPrincipal", money(i.openPrincipal()));
            m.put("openCosts", money(i.openCosts()));
            m.put("openInterest", money(i.openInterest()));
            m.put("settledAt", i.settledAt() == null ? null : i.settledAt().toString());
            m.put("lines", invoices.lines(i.id()).stream().map(l -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("description", l.description());
                x.put("quantity", l.quantity().toPlainString());
                x.put("unitPrice", l.unitPrice().toPlainString());
                x.put("vatRate", l.vatRate() == null ? null : l.vatRate().toPlainString());
                x.put("amount", money(l.amount()));
                return x;
            }).toList());
            m.put("ledger", ledger.entries(i.id()).stream().map(e -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("seq", e.seq());
                x.put("kind", e.kind().name());
                x.put("valueDate", e.valueDate().toString());
                x.put("principal", money(e.principal()));
                x.put("costs", money(e.costs()));
                x.put("interest", money(e.interest()));
                x.put("reference", e.reference());
                x.put("note", e.note());
                return x;
            }).toList());
            records.add(m);
        }
        for (TimelineEntry t : timeline.of(subject.debtorId(), all, 10_000)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recordType", "timeline");
            m.put("at", t.at().toString());
            m.put("kind", t.kind());
            m.put("text", t.text());
            records.add(m);
        }
        return new ExportSection(section(), "Your invoices, payments and history",
                "Collecting payment of your invoices; fiscal record keeping",
                "The controller's invoicing; payments received", List.of("PAYMENT", "BANK"), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var report = ErasureReport.of(section());
        var mine = INVOICE.DEBTOR_ID.eq(subject.debtorId());
        int disputes = dsl.update(INVOICE).setNull(INVOICE.DISPUTE_REASON).where(mine)
                .and(INVOICE.DISPUTE_REASON.isNotNull()).execute();
        report.deleted("dispute reasons (free text)", disputes);
        int count = dsl.fetchCount(INVOICE, mine);
        int entries = dsl.fetchCount(LEDGER_ENTRY, LEDGER_ENTRY.INVOICE_ID.in(
                DSL.select(INVOICE.ID).from(INVOICE).where(mine)));
        LocalDate lastIssue = dsl.select(DSL.max(INVOICE.ISSUE_DATE)).from(INVOICE).where(mine).fetchOne(0,
                LocalDate.class);
        LocalDate until = lastIssue == null ? null : LocalDate.of(lastIssue.getYear() + 7, Month.DECEMBER, 31);
        String ground = scope.legalHold() ? DebtorPersonalData.CLAIM_GROUND + "; " + FISCAL_GROUND : FISCAL_GROUND;
        return report.kept("invoices and credit notes (numbers, dates, amounts, lines)", count, ground, until)
                .kept("ledger entries (amounts, dates, references)", entries, ground, until).build();
    }

    private List<Invoice> all(DataSubject subject) {
        return dsl.selectFrom(INVOICE).where(INVOICE.DEBTOR_ID.eq(subject.debtorId()))
                .orderBy(INVOICE.ISSUE_DATE, INVOICE.NUMBER).fetch(Invoices::toInvoice);
    }

    private static String money(java.math.BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
