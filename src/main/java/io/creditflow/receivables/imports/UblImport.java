package io.creditflow.receivables.imports;

import com.helger.ubl21.UBL21Marshaller;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.DebtorInput;
import io.creditflow.receivables.DebtorValidation;
import io.creditflow.receivables.InvoiceInput;
import io.creditflow.receivables.InvoiceValidation;
import io.creditflow.receivables.OriginalInvoices;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A UBL 2.1 e-invoice (Peppol BIS Billing 3.0 Invoice or CreditNote): parsed safely, validated with the Peppol rules
 * (every broken rule is reported by its id), read with ph-ubl and mapped onto a debtor and a receivable
 * ({@link UblMapping}). One document is one row; the document itself is kept, byte for byte, as the invoice's
 * original ({@link OriginalInvoices}).
 */
@Component
class UblImport {

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private final PeppolRules rules;
    private final BulkIntake intake;
    private final OriginalInvoices originals;
    private final long maxBytes;

    UblImport(PeppolRules rules, BulkIntake intake, OriginalInvoices originals,
              @Value("${creditflow.receivables.imports.max-xml-bytes:20000000}") long maxBytes) {
        this.rules = rules;
        this.intake = intake;
        this.originals = originals;
        this.maxBytes = maxBytes;
    }

    /** The debtor and receivable of a valid document, and the document itself as received (kept byte for byte). */
    record Document(BulkIntake.DebtorRow debtor, BulkIntake.InvoiceRow invoice, byte[] original) {
    }

    /** Reads and validates; returns null (with the errors reported) when the document cannot be imported. */
    @Nullable Document read(Path file, ErrorSink errors) {
        byte[] original = load(file);
        org.w3c.dom.Document dom = parse(original);
        Element root = dom.getDocumentElement();
        boolean creditNote = CREDIT_NOTE_NS.equals(root.getNamespaceURI()) && "CreditNote".equals(root.getLocalName());
        boolean invoice = INVOICE_NS.equals(root.getNamespaceURI()) && "Invoice".equals(root.getLocalName());
        if (!creditNote && !invoice) {
            throw new ImportFormatException(1L, root.getTagName(), "the XML is not a UBL 2.1 Invoice or CreditNote "
                    + "(root element {" + root.getNamespaceURI() + "}" + root.getLocalName() + ")");
        }
        List<PeppolRules.Violation> violations = rules.validate(dom, creditNote);
        for (PeppolRules.Violation v : violations) {
            errors.add(new RowError(v.line() > 0 ? (long) v.line() : null, v.rule(), "[" + v.rule() + "] " + v.text()
                    + (v.location().isEmpty() ? "" : " (at " + v.location() + ")")));
        }
        if (!violations.isEmpty()) {
            return null;
        }
        UblMapping.Mapped mapped = creditNote ? UblMapping.of(readCreditNote(dom)) : UblMapping.of(readInvoice(dom));
        List<RowError> problems = new ArrayList<>();
        mapped.problems().forEach(p -> problems.add(new RowError(null, p.field(), p.reason())));
        DebtorInput debtorInput = new DebtorInput(mapped.debtor().externalId(), mapped.debtor().type(),
                mapped.debtor().language(), null, mapped.debtor().country(), List.of(), mapped.debtor().profile());
        for (FieldError e : DebtorValidation.check(debtorInput)) {
            problems.add(new RowError(null, "AccountingCustomerParty", "debtor " + e.field() + ": " + e.reason()));
        }
        var i = mapped.invoice();
        for (FieldError e : InvoiceValidation.check(new InvoiceInput(i.externalId(), null, i.debtorExternalId(),
                i.number(), i.kind(), i.issueDate(), i.dueDate(), i.currency(), i.amount(), i.vatAmount(),
                i.paymentReference(), List.of()))) {
            problems.add(new RowError(null, UblMapping.elementOf(e.field()), e.field() + ": " + e.reason()));
        }
        errors.addAll(problems);
        return problems.isEmpty() ? new Document(mapped.debtor(), mapped.invoice(), original) : null;
    }

    /**
     * Writes the debtor and the receivable, and keeps the document as the invoice's original (for the bailiff's
     * dossier), all in the import's transaction. Also when the invoice was unchanged: the file is then the original
     * of data already registered (e.g. first sent through the API).
     */
    BulkIntake.Result write(@Nullable Document document, UUID importId) {
        if (document == null) {
            return BulkIntake.Result.NONE;
        }
        BulkIntake.Result result = intake.write(List.of(document.debtor()), List.of(document.invoice()), "UBL");
        originals.keepUbl(document.invoice().number(), document.original(), importId);
        return result;
    }

    /** The file's bytes, bounded: the size is checked before anything is read. */
    private byte[] load(Path file) {
        try {
            if (Files.size(file) > maxBytes) {
                throw new ImportFormatException(null, null, "the XML file is larger than " + maxBytes / 1_000_000
                        + " MB; an e-invoice is one document of a few hundred KB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.w3c.dom.Document parse(byte[] original) {
        try (InputStream in = new ByteArrayInputStream(original)) {
            return SafeXml.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvoiceType readInvoice(org.w3c.dom.Document dom) {
        InvoiceType invoice = UBL21Marshaller.invoice().read(dom);
        if (invoice == null) {
            throw new ImportFormatException(null, "Invoice", "the document does not match the UBL 2.1 Invoice schema");
        }
        return invoice;
    }

    private static CreditNoteType readCreditNote(org.w3c.dom.Document dom) {
        CreditNoteType note = UBL21Marshaller.creditNote().read(dom);
        if (note == null) {
            throw new ImportFormatException(null, "CreditNote", "the document does not match the UBL 2.1 CreditNote "
                    + "schema");
        }
        return note;
    }
}
