package io.creditflow.payments.reconciliation;

import io.creditflow.payments.CamtFile;
import io.creditflow.payments.PaymentsApi;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
class StatementImportIntegrationTest {

    static final String OWN = "NL91ABNA0417164300";
    static final String STRANGER = "NL86INGB0002445588";

    @Autowired
    TestTenants tenants;

    PaymentsApi api;
    String ref1;

    @BeforeEach
    void setUp() {
        api = new PaymentsApi(tenants.create());
        api.debtor("D-1", "Groothandel Zwaneveld B.V.", OWN);
        ref1 = api.invoice("D-1", "INV-2026-0001", "121.00", "2026-02-01").get("paymentReference").asString();
        api.invoice("D-1", "INV-2026-0002", "80.00", "2026-02-15");
        api.invoice("D-1", "INV-2026-0003", "50.00", "2026-03-01");
    }

    private CamtFile statement() {
        return CamtFile.statement()
                .credit("R-1", "121.00", ref1, null, "Groothandel Zwaneveld BV", OWN)
                .credit("R-2", "30.00", null, "factuur inv 2026.0002", "Groothandel Zwaneveld BV", OWN)
                .credit("R-3", "77.77", null, "Terugbetaling verzekering", "Verzekeraar NV", STRANGER)
                .debit("R-4", "12.00", "Kosten bank");
    }

    @Test
    void importAppliesWhatIsCertainAndTheInvoicesShowIt() {
        ResponseEntity<JsonNode> response = api.upload("march.xml", statement().bytes());
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        JsonNode body = response.getBody();
        assertThat(body.get("format").asString()).isEqualTo("CAMT053");
        assertThat(body.get("entries").asInt()).isEqualTo(4);
        assertThat(body.get("applied").asInt()).isEqualTo(2);
        assertThat(body.get("unmatched").asInt()).isEqualTo(1);
        assertThat(body.get("suggested").asInt()).isZero();
        assertThat(body.get("duplicates").asInt()).isZero();

        JsonNode paid = api.invoiceByNumber("INV-2026-0001");
        assertThat(paid.get("openAmount").asString()).isEqualTo("0.00");
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        JsonNode partial = api.invoiceByNumber("INV-2026-0002");
        assertThat(partial.get("openAmount").asString()).isEqualTo("50.00");
        assertThat(partial.get("status").asString()).isEqualTo("PARTIALLY_PAID");

        JsonNode entries = api.get("/api/v1/bank-statements/" + body.get("id").asString() + "/entries").get("items");
        assertThat(entries).hasSize(4);
        JsonNode first = entries.get(0);
        assertThat(first.get("state").asString()).isEqualTo("APPLIED");
        assertThat(first.get("confidence").asString()).startsWith("0.99");
        assertThat(first.get("explanation").asString()).contains(ref1).contains("INV-2026-0001")
                .contains("exactly what is open");
        assertThat(first.get("match").get("invoices").get(0).get("number").asString()).isEqualTo("INV-2026-0001");
        assertThat(first.get("payerName").asString()).isEqualTo("Groothandel Zwaneveld BV");
        assertThat(entries.get(1).get("explanation").asString()).contains("Partial payment");
        assertThat(entries.get(2).get("state").asString()).isEqualTo("UNMATCHED");
        assertThat(entries.get(3).get("state").asString()).isEqualTo("IGNORED");
    }

    @Test
    void theSameFileTwiceAppliesNothingTwice() {
        api.upload("march.xml", statement().bytes());
        JsonNode again = api.upload("march-again.xml", statement().bytes()).getBody();
        assertThat(again.get("duplicates").asInt()).isEqualTo(4);
        assertThat(again.get("applied").asInt()).isZero();
        assertThat(api.invoiceByNumber("INV-2026-0002").get("openAmount").asString()).isEqualTo("50.00");
        JsonNode entries = api.get("/api/v1/bank-statements/" + again.get("id").asString() + "/entries").get("items");
        assertThat(entries.get(0).get("state").asString()).isEqualTo("DUPLICATE");
        assertThat(entries.get(0).get("duplicateOf").asString()).isNotBlank();
    }

    @Test
    void anUnbalancedStatementIsRefusedWithTheDifferenceAndAppliesNothing() {
        ResponseEntity<JsonNode> response = api.upload("bad.xml", statement().unbalancedBy("0.10").bytes());
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("detail").asString()).contains("does not balance").contains("difference 0.10");
        assertNothingApplied();
        JsonNode imports = api.get("/api/v1/bank-statements").get("items");
        assertThat(imports.get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(imports.get(0).get("applied").asInt()).isZero();
    }

    @Test
    void hostileAndBrokenFilesAreRefusedAndApplyNothing() {
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>&x;</Id>
                </Stmt></BkToCstmrStmt></Document>""";
        byte[] good = statement().bytes();
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 200);
        List<byte[]> files = new ArrayList<>(List.of(xxe.getBytes(StandardCharsets.UTF_8), truncated,
                new byte[0], "\u0000\u0001binary".getBytes(StandardCharsets.UTF_8)));
        for (byte[] file : files) {
            ResponseEntity<JsonNode> response = api.upload("hostile.xml", file);
            assertThat(response.getStatusCode().value()).as(new String(file, StandardCharsets.UTF_8))
                    .isIn(400, 422);
            assertThat(response.getBody().toString()).doesNotContain("root:").doesNotContain("Exception");
        }
        assertNothingApplied();
    }

    @Test
    void aReturnedPaymentReversesItsApplicationAndReopensTheInvoice() {
        api.upload("day1.xml", CamtFile.statement().on("2026-03-16")
                .credit("D1-1", "121.00", "E2E-777", ref1, null, "Groothandel Zwaneveld BV", OWN).bytes());
        assertThat(api.invoiceByNumber("INV-2026-0001").get("status").asString()).isEqualTo("PAID");
        JsonNode result = api.upload("day2.xml", CamtFile.statement().on("2026-03-17")
                .returned("D2-1", "121.00", "E2E-777", "AM04", "Groothandel Zwaneveld BV", OWN).bytes()).getBody();
        assertThat(result.get("applied").asInt()).isEqualTo(1);
        JsonNode invoice = api.invoiceByNumber("INV-2026-0001");
        assertThat(invoice.get("openAmount").asString()).isEqualTo("121.00");
        assertThat(invoice.get("status").asString()).isEqualTo("OPEN");
        JsonNode entry = api.get("/api/v1/bank-statements/" + result.get("id").asString() + "/entries")
                .get("items").get(0);
        assertThat(entry.get("explanation").asString()).contains("E2E-777").contains("AM04").contains("reversed");
    }

    private void assertNothingApplied() {
        for (String number : List.of("INV-2026-0001", "INV-2026-0002", "INV-2026-0003")) {
            assertThat(api.invoiceByNumber(number).get("status").asString()).as(number).isEqualTo("OPEN");
        }
    }
}
