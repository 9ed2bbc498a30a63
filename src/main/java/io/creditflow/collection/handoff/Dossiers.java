package io.creditflow.collection.handoff;

import io.creditflow.collection.CollectionCases;
import io.creditflow.dunning.DunningHistory;
import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.DunningSettingsStore;
import io.creditflow.messaging.Outbox;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.InvoiceInput;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.OriginalInvoices;
import io.creditflow.receivables.OriginalInvoices.OriginalInvoice;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hand-off dossier of a case, as one ZIP: {@code dossier.json} (case, creditor, debtor, claims with their ledger,
 * stage history, the full communication history from the messaging outbox, the 14-day-letter evidence),
 * {@code dossier.pdf} (the same for people), {@code invoices/<number>.pdf} (each claim, rendered from its registered
 * data), {@code invoices/<number>.xml} (the creditor's original e-invoice, byte for byte as received, for each claim
 * that came in as UBL; the JSON names it with its SHA-256 and size), {@code letters/<id>.pdf} (14-day letters as sent)
 * and {@code messages/<id>.pdf} (letters and letter PDFs as sent).
 * Built inside the caller's transaction; every decrypted message read is audited by the outbox.
 */
@Component
public class Dossiers {

    private final CollectionCases cases;
    private final Debtors debtors;
    private final Invoices invoices;
    private final OriginalInvoices originals;
    private final Ledger ledger;
    private final DunningHistory history;
    private final DunningSettingsStore dunningSettings;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    Dossiers(CollectionCases cases, Debtors debtors, Invoices invoices, OriginalInvoices originals, Ledger ledger,
             DunningHistory history, DunningSettingsStore dunningSettings, Outbox outbox, JsonMapper json, Clock clock) {
        this.cases = cases;
        this.debtors = debtors;
        this.invoices = invoices;
        this.originals = originals;
        this.ledger = ledger;
        this.history = history;
        this.dunningSettings = dunningSettings;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public record Built(byte[] zip, String sha256) {
    }

    public Built build(UUID caseId, UUID handoffId, String agencyName) {
        CollectionCases.CaseView c = cases.get(caseId);
        Debtor debtor = debtors.get(c.debtorId());
        List<Invoice> claims = cases.claims(caseId);
        DunningSettings creditor = dunningSettings.get();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "creditflow-collection-dossier/1");
        doc.put("handoffId", handoffId.toString());
        doc.put("agency", agencyName);
        doc.put("createdAt", OffsetDateTime.now(clock).toString());
        doc.put("case", caseJson(c));
        doc.put("creditor", Map.of("name", creditor.creditorName(), "address", creditor.addressLines(),
                "iban", String.valueOf(creditor.iban()), "chamberOfCommerce", String.valueOf(creditor.chamberOfCommerce())));
        doc.put("debtor", debtorJson(debtor));
        List<Map<String, Object>> claimJson = new ArrayList<>();
        List<Map<String, Object>> letters = new ArrayList<>();
        for (Invoice i : claims) {
            Optional<OriginalInvoice> original = originals.of(i.id());
            claimJson.add(claimJson(i, original));
            files.put("invoices/" + safe(i.number()) + ".pdf", invoicePdf(i, debtor, creditor, original));
            original.ifPresent(o -> files.put(originalPath(o), o.bytes()));
            for (DunningHistory.Letter l : history.lettersOfInvoice(i.id())) {
                if (letters.stream().noneMatch(x -> x.get("id").equals(l.id().toString()))) {
                    letters.add(letterJson(l));
                    history.letterPdf(l.id()).ifPresent(pdf -> files.put("letters/" + l.id() + ".pdf", pdf));
                }
            }
        }
        doc.put("claims", claimJson);
        doc.put("totals", Map.of("open", money(c.open())));
        doc.put("stages", cases.stages(caseId).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.stage().name());
            m.put("enteredOn", s.enteredOn().toString());
            m.put("trigger", s.trigger());
            m.put("costs", money(s.costs()));
            m.put("interest", money(s.interest()));
            m.put("note", s.note());
            return m;
        }).toList());
        doc.put("fourteenDayLetters", letters);
        doc.put("communication", communication(debtor.id(), files));
        files.put("dossier.pdf", summaryPdf(doc));
        files.put("dossier.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        byte[] zip = zip(files);
        return new Built(zip, sha256(zip));
    }

    private static Map<String, Object> caseJson(CollectionCases.CaseView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("reference", c.reference());
        m.put("stage", c.stage().name());
        m.put("openedAt", c.openedAt().toString());
        m.put("wki", c.wki());
        return m;
    }

    private static Map<String, Object> debtorJson(Debtor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("externalId", d.externalId());
        m.put("type", d.type().name());
        m.put("language", d.language());
        DebtorProfile p = d.profile();
        if (p != null) {
            m.put("name", p.name());
            m.put("dateOfBirth", p.dateOfBirth());
            m.put("addresses", p.addresses().stream().map(a -> String.join(" ", nn(a.street()), nn(a.houseNumber()),
                    nn(a.postcode()), nn(a.city()), nn(a.country())).trim()).toList());
            m.put("emails", p.emails());
            m.put("phones", p.phones());
            m.put("chamberOfCommerce", p.chamberOfCommerce());
            m.put("contactPerson", p.contactPerson());
        }
        return m;
    }

    private Map<String, Object> claimJson(Invoice i, Optional<OriginalInvoice> original) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invoiceId", i.id().toString());
        m.put("number", i.number());
        m.put("issueDate", i.issueDate().toString());
        m.put("dueDate", i.dueDate().toString());
        m.put("amount", money(i.amount()));
        m.put("openPrincipal", money(i.openPrincipal()));
        m.put("openCosts", money(i.openCosts()));
        m.put("openInterest", money(i.openInterest()));
        m.put("paymentReference", i.paymentReference());
        m.put("source", i.source());
        m.put("originalFormat", original.map(OriginalInvoice::format).orElse("PDF"));
        m.put("document", "invoices/" + safe(i.number()) + ".pdf");
        m.put("originalDocument", original.map(o -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", originalPath(o));
            x.put("mediaType", o.mediaType());
            x.put("bytes", o.bytes().length);
            x.put("sha256", o.sha256());
            x.put("receivedAt", o.receivedAt().toString());
            return x;
        }).orElse(null));
        m.put("ledger", ledger.entries(i.id()).stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("seq", e.seq());
            x.put("kind", e.kind().name());
            x.put("valueDate", e.valueDate().toString());
            x.put("principal", money(e.principal()));
            x.put("costs", money(e.costs()));
            x.put("interest", money(e.interest()));
            x.put("note", e.note());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> letterJson(DunningHistory.Letter l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id().toString());
        m.put("channel", l.channel());
        m.put("status", l.status());
        m.put("sentAt", l.sentAt() == null ? null : l.sentAt().toString());
        m.put("assumedDelivery", l.assumedDelivery() == null ? null : l.assumedDelivery().toString());
        m.put("deliveryRule", l.deliveryRule());
        m.put("deadline", l.deadline() == null ? null : l.deadline().toString());
        m.put("principal", money(l.principal()));
        m.put("statedCosts", money(l.statedCosts()));
        m.put("valid", l.valid());
        m.put("assessment", l.assessment());
        m.put("document", l.hasPdf() ? "letters/" + l.id() + ".pdf" : null);
        return m;
    }

    /** Every message the debtor was sent, oldest first, with its content (decrypted, audited). */
    private List<Map<String, Object>> communication(UUID debtorId, Map<String, byte[]> files) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Outbox.Summary s : outbox.bySubject(debtorId, 1000).reversed()) {
            Outbox.Details d = outbox.get(s.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id().toString());
            m.put("channel", s.channel().name());
            m.put("origin", s.origin());
            m.put("status", s.status().name());
            m.put("createdAt", s.createdAt().toString());
            m.put("sentAt", s.sentAt() == null ? null : s.sentAt().toString());
            d.content().ifPresent(c -> {
                m.put("recipient", c.recipient());
                m.put("subject", c.subject());
                m.put("text", c.text());
            });
            if (s.hasDocument()) {
                outbox.document(s.id()).ifPresent(pdf -> files.put("messages/" + s.id() + ".pdf", pdf));
                m.put("document", "messages/" + s.id() + ".pdf");
            }
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static byte[] summaryPdf(Map<String, Object> doc) {
        Map<String, Object> c = (Map<String, Object>) doc.get("case");
        Map<String, Object> debtor = (Map<String, Object>) doc.get("debtor");
        Pdf pdf = new Pdf("Collection dossier " + c.get("reference"));
        pdf.facts(Map.of("Agency", doc.get("agency"), "Created", doc.get("createdAt"), "Stage", c.get("stage"),
                "WKI (collected for a third party)", c.get("wki"), "Open amount", "EUR "
                        + ((Map<String, Object>) doc.get("totals")).get("open")));
        pdf.heading("Creditor").facts((Map<String, ?>) doc.get("creditor"));
        pdf.heading("Debtor").facts(debtor);
        pdf.heading("Claims").table(List.of("Invoice", "Issued", "Due", "Amount", "Principal", "Costs", "Interest"),
                ((List<Map<String, Object>>) doc.get("claims")).stream().map(x -> List.of(x.get("number"),
                        x.get("issueDate"), x.get("dueDate"), x.get("amount"), x.get("openPrincipal"),
                        x.get("openCosts"), x.get("openInterest"))).toList());
        pdf.heading("Stage history").table(List.of("Stage", "Entered", "Trigger", "Costs", "Interest", "Note"),
                ((List<Map<String, Object>>) doc.get("stages")).stream().map(x -> java.util.Arrays.asList(
                        x.get("stage"), x.get("enteredOn"), x.get("trigger"), x.get("costs"), x.get("interest"),
                        x.get("note"))).toList());
        pdf.heading("14-day letters").table(List.of("Sent", "Channel", "Delivery assumed", "Deadline", "Stated costs",
                "Valid"), ((List<Map<String, Object>>) doc.get("fourteenDayLetters")).stream().map(x ->
                java.util.Arrays.asList(x.get("sentAt"), x.get("channel"), x.get("assumedDelivery"),
                        x.get("deadline"), x.get("statedCosts"), x.get("valid"))).toList());
        pdf.heading("Communication").table(List.of("Created", "Channel", "Status", "Subject"),
                ((List<Map<String, Object>>) doc.get("communication")).stream().map(x -> java.util.Arrays.asList(
                        x.get("createdAt"), x.get("channel"), x.get("status"), x.get("subject"))).toList());
        return pdf.render();
    }

    private byte[] invoicePdf(Invoice i, Debtor debtor, DunningSettings creditor, Optional<OriginalInvoice> original) {
        Pdf pdf = new Pdf("Invoice " + i.number());
        pdf.facts(Map.of("Creditor", creditor.creditorName(), "Debtor", debtor.displayName(), "Issued",
                i.issueDate().toString(), "Due", i.dueDate().toString(), "Amount", i.currency() + " " + money(i.amount()),
                "VAT", i.vatAmount() == null ? "-" : money(i.vatAmount()), "Payment reference", i.paymentReference(),
                "Source", i.source()));
        List<InvoiceInput.Line> lines = invoices.lines(i.id());
        pdf.heading("Lines").table(List.of("Description", "Quantity", "Unit price", "Amount"), lines.stream()
                .map(l -> List.of(l.description(), l.quantity().stripTrailingZeros().toPlainString(),
                        money(l.unitPrice()), money(l.amount()))).toList());
        pdf.paragraph("Rendered by Creditflow from the invoice data as registered; not the creditor's original document."
                + original.map(o -> " The original e-invoice (" + o.format() + ") is enclosed as " + originalPath(o)
                        + ", SHA-256 " + o.sha256() + ".").orElse(""));
        return pdf.render();
    }

    private static String originalPath(OriginalInvoice o) {
        return "invoices/" + o.fileName();
    }

    private static byte[] zip(Map<String, byte[]> files) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static String money(BigDecimal b) {
        return b.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
