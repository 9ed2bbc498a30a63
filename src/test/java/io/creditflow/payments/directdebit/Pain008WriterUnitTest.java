package io.creditflow.payments.directdebit;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.FreeTextReference;
import io.creditflow.shared.Iban;
import io.creditflow.shared.IbanGenerator;
import io.creditflow.shared.Money;
import io.creditflow.shared.RfCreditorReference;
import io.creditflow.shared.SepaCreditorId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pain008WriterUnitTest {

    private static final LocalDate MARCH_10 = LocalDate.of(2024, 3, 10);
    private static final LocalDate MARCH_12 = LocalDate.of(2024, 3, 12);
    private static final DirectDebitCreditor CREDITOR = new DirectDebitCreditor("Creditflow Demo BV",
            Iban.parse("NL69INGB0123456789"), "INGBNL2A", SepaCreditorId.parse("NL63ZZZ692412340000"));

    private final Pain008Writer writer = new Pain008Writer();

    @Test
    void writesAFileThatValidatesWithSequenceTypesGroupedPerCollectionDate() throws Exception {
        DirectDebitInitiation initiation = initiation(List.of(
                tx("E2E-1", "10.00", SequenceType.RCUR, MARCH_10, new FreeTextReference("INV-1")),
                tx("E2E-2", "20.50", SequenceType.FRST, MARCH_10, Betalingskenmerk.generate(20240001L)),
                tx("E2E-3", "30.25", SequenceType.RCUR, MARCH_12, RfCreditorReference.create("20240004")),
                tx("E2E-4", "40.00", SequenceType.OOFF, MARCH_10, null),
                tx("E2E-5", "50.00", SequenceType.FNAL, MARCH_10, new FreeTextReference("Laatste termijn")),
                tx("E2E-6", "0.01", SequenceType.RCUR, MARCH_10, new FreeTextReference("INV-6"))));

        Document xml = parse(writer.toValidatedBytes(initiation));

        assertThat(text(xml, "GrpHdr", "NbOfTxs")).isEqualTo("6");
        assertThat(text(xml, "GrpHdr", "CtrlSum")).isEqualTo("150.76");
        NodeList blocks = xml.getElementsByTagNameNS(Pain008Writer.NAMESPACE, "PmtInf");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < blocks.getLength(); i++) {
            Element block = (Element) blocks.item(i);
            seen.add(child(block, "ReqdColltnDt") + " " + child(block, "SeqTp") + " " + child(block, "NbOfTxs")
                    + " " + child(block, "CtrlSum"));
        }
        assertThat(seen).containsExactly(
                "2024-03-10 FRST 1 20.50",
                "2024-03-10 RCUR 2 10.01",
                "2024-03-10 OOFF 1 40.00",
                "2024-03-10 FNAL 1 50.00",
                "2024-03-12 RCUR 1 30.25");
        assertThat(child((Element) blocks.item(0), "PmtInfId")).isEqualTo("CF-DD-20240301-01-FRST-20240310");
    }

    /** A file made at a whole minute (or hour) still says its seconds: the schema's dateTime needs them. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"22,40,0,0,2026-11-21T22:40:00", "0,0,0,0,2026-11-21T00:00:00",
            "9,30,15,999999999,2026-11-21T09:30:15"})
    void theCreationTimeAlwaysHasSeconds(int hour, int minute, int second, int nanos, String written)
            throws Exception {
        DirectDebitInitiation atWholeMinute = new DirectDebitInitiation("CF-DD-20261121-01",
                LocalDateTime.of(2026, 11, 21, hour, minute, second, nanos), "Creditflow Demo BV", CREDITOR,
                LocalInstrument.CORE, List.of(tx("E2E-1", "10.00", SequenceType.RCUR, MARCH_10, null)));
        Document xml = parse(writer.toValidatedBytes(atWholeMinute));
        assertThat(text(xml, "GrpHdr", "CreDtTm")).isEqualTo(written);
    }

    @Test
    void writesStructuredReferencesStructuredAndTransliteratesNames() throws Exception {
        DirectDebitTransaction ozdemir = new DirectDebitTransaction("E2E-7", Money.euros("12.00"), "MND 7",
                LocalDate.of(2023, 1, 5), SequenceType.RCUR, MARCH_10, "M. Özdemir & Zoon", Iban.parse(
                "DE27405955995050131322"), null, Betalingskenmerk.generate(20240002L));
        String xml = new String(writer.toValidatedBytes(initiation(List.of(ozdemir))), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Dbtr><Nm>M. Ozdemir + Zoon</Nm></Dbtr>")
                .contains("<Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>9000000020240002</Ref>")
                .contains("<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>")
                .contains("<MndtId>MND 7</MndtId><DtOfSgntr>2023-01-05</DtOfSgntr>")
                .contains("<CdtrSchmeId><Id><PrvtId><Othr><Id>NL63ZZZ692412340000</Id><SchmeNm><Prtry>SEPA"
                        + "</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId>")
                .contains("<LclInstrm><Cd>CORE</Cd></LclInstrm>");
    }

    @Test
    void theSchemaCatchesAnInvalidDocumentAndSaysWhere() {
        String valid = new String(writer.toValidatedBytes(initiation(List.of(
                tx("E2E-1", "10.00", SequenceType.RCUR, MARCH_10, null)))), StandardCharsets.UTF_8);
        byte[] broken = valid.replace("<SeqTp>RCUR</SeqTp>", "<SeqTp>MONTHLY</SeqTp>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Pain008Schema.validate(new ByteArrayInputStream(broken)))
                .isInstanceOf(DirectDebitFileException.class)
                .hasMessageContaining("line 1, column")
                .hasMessageContaining("MONTHLY");
    }

    @Test
    void writesValidatedFilesIntoPlace(@TempDir Path directory) throws Exception {
        Path target = directory.resolve("collection.xml");
        writer.writeValidated(initiation(List.of(tx("E2E-1", "10.00", SequenceType.FRST, MARCH_10, null))), target);
        assertThat(Files.readString(target)).startsWith("<?xml").contains("<NbOfTxs>1</NbOfTxs>");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void refusesCollectionsTheBankWouldReject() {
        assertThatThrownBy(() -> tx("E".repeat(36), "1.00", SequenceType.RCUR, MARCH_10, null))
                .hasMessageContaining("End-to-end id").hasMessageContaining("1-35 characters");
        assertThatThrownBy(() -> tx("E2E//1", "1.00", SequenceType.RCUR, MARCH_10, null))
                .hasMessageContaining("double slash");
        assertThatThrownBy(() -> tx("E2E-1", "0.00", SequenceType.RCUR, MARCH_10, null))
                .hasMessageContaining("0.01 to 999999999.99");
        assertThatThrownBy(() -> new DirectDebitTransaction("E2E-1", Money.of("1.00", "USD"), "M-1",
                MARCH_10, SequenceType.RCUR, MARCH_10, "X", Iban.parse("NL91ABNA0417164300"), null, null))
                .hasMessageContaining("in euro");
        assertThatThrownBy(() -> new DirectDebitTransaction("E2E-1", Money.euros("1.00"), "M-1",
                MARCH_12, SequenceType.RCUR, MARCH_10, "X", Iban.parse("NL91ABNA0417164300"), null, null))
                .hasMessageContaining("after the collection date");
        assertThatThrownBy(() -> initiation(List.of(tx("E2E-1", "1.00", SequenceType.RCUR, MARCH_10, null),
                tx("E2E-1", "2.00", SequenceType.RCUR, MARCH_10, null)))).hasMessageContaining("occurs twice");
        assertThatThrownBy(() -> initiation(List.of())).hasMessageContaining("at least one");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generatedFilesValidateAndTheirSumsAddUp(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int count = 1 + random.nextInt(60);
        List<DirectDebitTransaction> transactions = new ArrayList<>();
        long cents = 0;
        for (int i = 0; i < count; i++) {
            long amount = 1 + random.nextLong(5_000_000);
            cents += amount;
            SequenceType type = SequenceType.values()[random.nextInt(4)];
            transactions.add(new DirectDebitTransaction("CF-" + seed % 1000 + "-" + i, Money.ofMinor(amount, Money.EUR),
                    "MND-" + random.nextInt(100_000), LocalDate.of(2023, 1, 1).plusDays(random.nextInt(300)), type,
                    MARCH_10.plusDays(random.nextInt(3)), "Debtor " + i, IbanGenerator.dutch(random),
                    random.nextBoolean() ? "RABONL2U" : null, random.nextBoolean()
                    ? Betalingskenmerk.generate(random.nextLong(1_000_000_000L)) : new FreeTextReference("INV " + i)));
        }
        Document xml = parse(writer.toValidatedBytes(initiation(transactions)));
        assertThat(text(xml, "GrpHdr", "CtrlSum")).isEqualTo(Money.ofMinor(cents, Money.EUR).toPlainString());
        NodeList blocks = xml.getElementsByTagNameNS(Pain008Writer.NAMESPACE, "PmtInf");
        Money blockSum = Money.zero(Money.EUR);
        int blockCount = 0;
        for (int i = 0; i < blocks.getLength(); i++) {
            Element block = (Element) blocks.item(i);
            blockSum = blockSum.plus(Money.euros(child(block, "CtrlSum")));
            blockCount += Integer.parseInt(child(block, "NbOfTxs"));
            assertThat(block.getElementsByTagNameNS(Pain008Writer.NAMESPACE, "DrctDbtTxInf").getLength())
                    .isEqualTo(Integer.parseInt(child(block, "NbOfTxs")));
        }
        assertThat(blockSum).isEqualTo(Money.ofMinor(cents, Money.EUR));
        assertThat(blockCount).isEqualTo(count);
    }

    static LongStream seeds() {
        return new SplittableRandom(8).longs(25, 0, Long.MAX_VALUE);
    }

    private static DirectDebitInitiation initiation(List<DirectDebitTransaction> transactions) {
        return new DirectDebitInitiation("CF-DD-20240301-01", LocalDateTime.of(2024, 3, 1, 9, 30, 15, 123_000_000),
                "Creditflow Demo BV", CREDITOR, LocalInstrument.CORE, transactions);
    }

    private static DirectDebitTransaction tx(String endToEndId, String amount, SequenceType type, LocalDate date,
                                             io.creditflow.shared.PaymentReference remittance) {
        return new DirectDebitTransaction(endToEndId, Money.euros(amount), "MND-" + endToEndId, LocalDate.of(2023, 6, 1),
                type, date, "Debtor " + endToEndId, Iban.parse("NL91ABNA0417164300"), "ABNANL2A", remittance);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document xml, String parent, String name) {
        Element element = (Element) xml.getElementsByTagNameNS(Pain008Writer.NAMESPACE, parent).item(0);
        return child(element, name);
    }

    private static String child(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                return element.getTextContent();
            }
        }
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                NodeList nested = element.getElementsByTagNameNS(Pain008Writer.NAMESPACE, name);
                if (nested.getLength() > 0) {
                    return nested.item(0).getTextContent();
                }
            }
        }
        throw new AssertionError("no " + name + " under " + parent.getLocalName());
    }
}
