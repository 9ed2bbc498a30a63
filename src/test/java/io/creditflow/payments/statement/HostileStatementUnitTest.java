package io.creditflow.payments.statement;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostileStatementUnitTest {

    private static final String CAMT_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String CAMT_NS = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">";

    @Test
    void refusesExternalEntities() {
        String xxe = CAMT_HEAD + "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + CAMT_NS
                + "<BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>";
        assertThat(HostileInput.failure(xxe)).contains("line 2").containsAnyOf("DOCTYPE", "entity");
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder laughs = new StringBuilder(CAMT_HEAD + "<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>").append(CAMT_NS).append("<BkToCstmrStmt><Stmt><Id>&lol9;</Id></Stmt></BkToCstmrStmt></Document>");
        assertThat(HostileInput.failure(laughs.toString())).containsAnyOf("DOCTYPE", "entity");
    }

    @Test
    void namesTheSpotInATruncatedXmlFile() {
        String camt = Fixtures.text("camt053-v02-ing.xml");
        String truncated = camt.substring(0, camt.indexOf("<Ntry>", camt.indexOf("<Ntry>") + 10) + 30);
        assertThat(HostileInput.failure(truncated)).containsPattern("line \\d+, column \\d+");
    }

    @Test
    void refusesXmlWhoseBytesDoNotMatchItsDeclaredEncoding() {
        byte[] latin1 = Fixtures.text("camt053-v08-abnamro.xml").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(HostileInput.failure(latin1)).containsPattern("line \\d+").containsIgnoringCase("utf-8");
    }

    @Test
    void refusesATenMegabyteXmlField() {
        String camt = Fixtures.text("camt053-v02-ing.xml")
                .replace("<Ustrd>klantnr 1007</Ustrd>", "<Ustrd>" + "x".repeat(10 * 1024 * 1024) + "</Ustrd>");
        assertThat(HostileInput.failure(camt)).contains("Ustrd").contains("more than 10000 characters");
    }

    @Test
    void refusesDeepNestingWithoutStackOverflow() {
        String deep = CAMT_HEAD + CAMT_NS + "<a>".repeat(100_000);
        assertThat(HostileInput.failure(deep)).contains("deeper than");
    }

    @Test
    void refusesOtherXml() {
        assertThat(HostileInput.failure(CAMT_HEAD + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\"/>"))
                .contains("not a camt.053 statement");
    }

    @Test
    void refusesATenMegabyteMt940Line() {
        String mt940 = ":20:X\n:25:NL69INGB0123456789\n:28C:1\n:60F:C240301EUR1,00\n:86:" + "y".repeat(10 * 1024 * 1024);
        assertThat(HostileInput.failure(mt940)).contains("line 5").contains("longer than");
    }

    @Test
    void refusesAnMt940FileThatSwitchesEncodingHalfway() {
        // beyond the 64 KiB the encoding is decided on, so the decoder meets the Windows-1252 byte mid-stream
        byte[] head = Fixtures.text("mt940-ing.sta").replace("J. Jansen", "J. Jänsen").repeat(60)
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n:86:caf\u00e9 Windows-1252\r\n".getBytes(StandardCharsets.ISO_8859_1);
        InputStream mixed = new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(tail))));
        assertThat(HostileInput.failure(mixed)).contains("not valid UTF-8");
    }

    @Test
    void refusesBinaryGarbage() {
        byte[] garbage = new byte[4096];
        new java.util.Random(3).nextBytes(garbage);
        garbage[0] = ':';
        assertThat(HostileInput.failure(garbage)).contains("line");
    }

    @Test
    void refusesATenMegabyteCsvField() {
        String csv = "booking date,amount,description\n2024-01-01,1.00,\"" + "z".repeat(10 * 1024 * 1024) + "\"\n";
        assertThat(HostileInput.failure(csv)).contains("line 2").contains("longer than");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(HostileInput.failure("")).contains("empty");
    }
}
