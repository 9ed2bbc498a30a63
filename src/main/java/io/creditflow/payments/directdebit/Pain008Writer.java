package io.creditflow.payments.directdebit;

import io.creditflow.shared.Money;
import io.creditflow.shared.PaymentReference;
import org.jspecify.annotations.Nullable;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes SEPA direct debit initiation files (pain.008.001.02) with StAX: a group header with the number of
 * transactions and their control sum, then one payment information block per collection date and sequence type
 * (banks process FRST, RCUR, OOFF and FNAL separately), each with its own count and sum. The creditor scheme id sits
 * at block level, charges are shared (SLEV). Use {@link #toValidatedBytes} or {@link #writeValidated} so that no
 * file leaves without passing the schema.
 */
public final class Pain008Writer {

    /**
     * ISO dateTime with seconds always written: {@code LocalDateTime.toString()} leaves out zero seconds
     * ("2026-11-21T22:40"), which the pain.008 schema rejects (a file made at a whole minute failed validation).
     */
    private static final java.time.format.DateTimeFormatter CREATION_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** The collections of one payment information block. */
    record Group(LocalDate collectionDate, SequenceType sequenceType, List<DirectDebitTransaction> transactions) {

        Money sum() {
            return transactions.stream().map(DirectDebitTransaction::amount)
                    .reduce(Money.zero(Money.EUR), Money::plus);
        }
    }

    /** Collections grouped by date, then by sequence type in lifecycle order (FRST, RCUR, OOFF, FNAL). */
    static List<Group> groups(DirectDebitInitiation initiation) {
        Comparator<Map.Entry<LocalDate, SequenceType>> order = Map.Entry.<LocalDate, SequenceType>comparingByKey()
                .thenComparing(Map.Entry.comparingByValue());
        Map<Map.Entry<LocalDate, SequenceType>, List<DirectDebitTransaction>> grouped = new TreeMap<>(order);
        for (DirectDebitTransaction transaction : initiation.transactions()) {
            grouped.computeIfAbsent(Map.entry(transaction.collectionDate(), transaction.sequenceType()),
                    key -> new ArrayList<>()).add(transaction);
        }
        return grouped.entrySet().stream()
                .map(e -> new Group(e.getKey().getKey(), e.getKey().getValue(), List.copyOf(e.getValue())))
                .toList();
    }

    public void write(DirectDebitInitiation initiation, OutputStream out) {
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("Document");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeStartElement("CstmrDrctDbtInitn");
            groupHeader(w, initiation);
            for (Group group : groups(initiation)) {
                paymentInformation(w, initiation, group);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new DirectDebitFileException("cannot write pain.008 file " + initiation.messageId(), e);
        }
    }

    /** Writes the file in memory and validates it: for files that go straight into an HTTP response or a test. */
    public byte[] toValidatedBytes(DirectDebitInitiation initiation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        write(initiation, out);
        byte[] xml = out.toByteArray();
        Pain008Schema.validate(new ByteArrayInputStream(xml));
        return xml;
    }

    /**
     * Writes to a temporary file beside {@code target}, validates it from disk (constant memory for large batches)
     * and only then moves it into place, so an invalid file is never found at {@code target}.
     */
    public void writeValidated(DirectDebitInitiation initiation, Path target) {
        Path directory = target.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(directory, "pain008-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    write(initiation, out);
                }
                try (InputStream in = Files.newInputStream(temporary)) {
                    Pain008Schema.validate(in);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void groupHeader(XMLStreamWriter w, DirectDebitInitiation initiation) throws XMLStreamException {
        w.writeStartElement("GrpHdr");
        element(w, "MsgId", initiation.messageId());
        element(w, "CreDtTm", CREATION_TIME.format(initiation.createdAt()));
        element(w, "NbOfTxs", Integer.toString(initiation.transactions().size()));
        element(w, "CtrlSum", initiation.controlSum().toPlainString());
        w.writeStartElement("InitgPty");
        element(w, "Nm", SepaText.text(initiation.initiatingPartyName(), 70));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void paymentInformation(XMLStreamWriter w, DirectDebitInitiation initiation, Group group)
            throws XMLStreamException {
        DirectDebitCreditor creditor = initiation.creditor();
        w.writeStartElement("PmtInf");
        element(w, "PmtInfId", paymentInformationId(initiation.messageId(), group));
        element(w, "PmtMtd", "DD");
        element(w, "BtchBookg", "true");
        element(w, "NbOfTxs", Integer.toString(group.transactions().size()));
        element(w, "CtrlSum", group.sum().toPlainString());
        w.writeStartElement("PmtTpInf");
        nested(w, "Cd", "SEPA", "SvcLvl");
        nested(w, "Cd", initiation.localInstrument().name(), "LclInstrm");
        element(w, "SeqTp", group.sequenceType().name());
        w.writeEndElement();
        element(w, "ReqdColltnDt", group.collectionDate().toString());
        nested(w, "Nm", SepaText.text(creditor.name(), 70), "Cdtr");
        nested(w, "IBAN", creditor.iban().value(), "CdtrAcct", "Id");
        agent(w, "CdtrAgt", creditor.bic());
        element(w, "ChrgBr", "SLEV");
        w.writeStartElement("CdtrSchmeId");
        w.writeStartElement("Id");
        w.writeStartElement("PrvtId");
        w.writeStartElement("Othr");
        element(w, "Id", creditor.creditorId().value());
        nested(w, "Prtry", "SEPA", "SchmeNm");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        for (DirectDebitTransaction transaction : group.transactions()) {
            transaction(w, transaction);
        }
        w.writeEndElement();
    }

    private static void transaction(XMLStreamWriter w, DirectDebitTransaction t) throws XMLStreamException {
        w.writeStartElement("DrctDbtTxInf");
        nested(w, "EndToEndId", t.endToEndId(), "PmtId");
        w.writeStartElement("InstdAmt");
        w.writeAttribute("Ccy", t.amount().currency().getCurrencyCode());
        w.writeCharacters(t.amount().toPlainString());
        w.writeEndElement();
        w.writeStartElement("DrctDbtTx");
        w.writeStartElement("MndtRltdInf");
        element(w, "MndtId", t.mandateId());
        element(w, "DtOfSgntr", t.mandateSignedOn().toString());
        w.writeEndElement();
        w.writeEndElement();
        agent(w, "DbtrAgt", t.debtorBic());
        nested(w, "Nm", SepaText.text(t.debtorName(), 70), "Dbtr");
        nested(w, "IBAN", t.debtorIban().value(), "DbtrAcct", "Id");
        remittance(w, t);
        w.writeEndElement();
    }

    /** Structured when the reference has a check digit (betalingskenmerk, RF): the debtor's bank passes it on intact. */
    private static void remittance(XMLStreamWriter w, DirectDebitTransaction t) throws XMLStreamException {
        PaymentReference reference = t.remittance();
        if (reference == null) {
            return;
        }
        w.writeStartElement("RmtInf");
        String issuer = t.referenceIssuer();
        if (issuer == null) {
            element(w, "Ustrd", SepaText.text(reference.value(), 140));
        } else {
            w.writeStartElement("Strd");
            w.writeStartElement("CdtrRefInf");
            w.writeStartElement("Tp");
            nested(w, "Cd", "SCOR", "CdOrPrtry");
            element(w, "Issr", issuer);
            w.writeEndElement();
            element(w, "Ref", reference.value());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** A bank by BIC, or {@code Othr/Id NOTPROVIDED} for IBAN-only collections. */
    private static void agent(XMLStreamWriter w, String name, @Nullable String bic) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeStartElement("FinInstnId");
        if (bic != null) {
            element(w, "BIC", bic);
        } else {
            nested(w, "Id", "NOTPROVIDED", "Othr");
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** Message id shortened so that id, sequence type and date fit the 35 characters PmtInfId allows. */
    static String paymentInformationId(String messageId, Group group) {
        String suffix = "-" + group.sequenceType().name() + "-" + COMPACT_DATE.format(group.collectionDate());
        String prefix = messageId.length() + suffix.length() > 35 ? messageId.substring(0, 35 - suffix.length())
                : messageId;
        return prefix + suffix;
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** {@code <outer1><outer2><name>text</name></outer2></outer1>}. */
    private static void nested(XMLStreamWriter w, String name, String text, String... outer) throws XMLStreamException {
        for (String o : outer) {
            w.writeStartElement(o);
        }
        element(w, name, text);
        for (int i = 0; i < outer.length; i++) {
            w.writeEndElement();
        }
    }
}
