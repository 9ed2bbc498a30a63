package io.creditflow.payments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure blanks one debtor's name and account in an archived pain.008 file and leaves the other debtors' intact. */
class MandateRedactionUnitTest {

    private static String tx(String e2e, String name, String iban) {
        return "<DrctDbtTxInf><PmtId><EndToEndId>" + e2e + "</EndToEndId></PmtId><InstdAmt Ccy=\"EUR\">10.00</InstdAmt>"
                + "<DrctDbtTx><MndtRltdInf><MndtId>M-1</MndtId><DtOfSgntr>2026-01-15</DtOfSgntr></MndtRltdInf>"
                + "</DrctDbtTx><DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>"
                + "<Dbtr><Nm>" + name + "</Nm></Dbtr><DbtrAcct><Id><IBAN>" + iban + "</IBAN></Id></DbtrAcct>"
                + "<RmtInf><Ustrd>F-1</Ustrd></RmtInf></DrctDbtTxInf>";
    }

    @Test
    void blanksOnlyTheErasedDebtorsTransaction() {
        String xml = "<Document><PmtInf>" + tx("E2E-A", "Anna de Wit", "NL91ABNA0417164300")
                + tx("E2E-B", "Bert Zwart", "NL69INGB0123456789") + "</PmtInf></Document>";

        String redacted = MandatePersonalData.redact(xml, "E2E-B");

        assertThat(redacted).doesNotContain("Bert Zwart").doesNotContain("NL69INGB0123456789")
                .contains("<Nm>ERASED</Nm>", "<IBAN>ERASED</IBAN>", "Anna de Wit", "NL91ABNA0417164300", "E2E-B");
        assertThat(MandatePersonalData.redact(xml, "E2E-X")).as("an unknown id changes nothing").isEqualTo(xml);
    }
}
