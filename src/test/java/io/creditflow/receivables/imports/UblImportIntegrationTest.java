package io.creditflow.receivables.imports;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
class UblImportIntegrationTest {

    @Autowired
    TestTenants tenants;

    TestTenant tenant;
    ImportClient imports;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        imports = new ImportClient(tenant);
    }

    @Test
    void aPeppolInvoiceAndCreditNoteBecomeADebtorAndItsReceivables() throws IOException {
        JsonNode state = imports.run(fixture("peppol-invoice.xml"), "VF-2026-00417.xml", "kind=invoices");
        assertThat(state.get("status").asString()).as(state.toString()).isEqualTo("SUCCEEDED");
        assertThat(state.get("format").asString()).isEqualTo("UBL");
        JsonNode invoice = invoice("VF-2026-00417");
        assertThat(invoice.get("amount").asString()).isEqualTo("1012.50");
        assertThat(invoice.get("openAmount").asString()).isEqualTo("1012.50");
        assertThat(invoice.get("vatAmount").isNull()).isTrue();
        assertThat(invoice.get("paymentReference").asString()).isEqualTo("5000056789012345");
        assertThat(invoice.get("dueDate").asString()).isEqualTo("2026-04-01");
        JsonNode debtor = tenant.api().get().uri("/api/v1/debtors/" + invoice.get("debtorId").asString()).retrieve()
                .body(JsonNode.class);
        assertThat(debtor.get("externalId").asString()).isEqualTo("KVK:69599084");
        assertThat(debtor.get("name").asString()).isEqualTo("Bakkerij Visser B.V.");
        assertThat(debtor.get("chamberOfCommerce").asString()).isEqualTo("69599084");
        assertThat(debtor.get("vatNumber").asString()).isEqualTo("NL859431877B01");
        assertThat(debtor.get("email").asString()).isEqualTo("administratie@bakkerijvisser.example");
        assertThat(debtor.get("type").asString()).isEqualTo("BUSINESS");

        JsonNode credit = imports.run(fixture("peppol-credit-note.xml"), "CN-2026-0031.xml", "kind=invoices");
        assertThat(credit.get("status").asString()).as(credit.toString()).isEqualTo("SUCCEEDED");
        JsonNode note = invoice("CN-2026-0031");
        assertThat(note.get("kind").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(note.get("amount").asString()).isEqualTo("242.00");
        assertThat(note.get("openAmount").asString()).isEqualTo("-242.00");
        assertThat(note.get("debtorId").asString()).isEqualTo(invoice.get("debtorId").asString());

        JsonNode again = imports.run(fixture("peppol-invoice.xml"), "VF-2026-00417.xml", "kind=invoices");
        assertThat(again.get("rowsImported").asLong()).isZero();
        assertThat(again.get("rowsUnchanged").asLong()).isEqualTo(1);
    }

    @Test
    void aBrokenPeppolRuleIsNamedAndNothingIsImported() throws IOException {
        String xml = new String(fixture("peppol-invoice.xml"), StandardCharsets.UTF_8)
                .replace("<cbc:PayableAmount currencyID=\"EUR\">1012.50", "<cbc:PayableAmount currencyID=\"EUR\">1112.50")
                .replace("<cbc:BuyerReference>PO-88213</cbc:BuyerReference>", "");
        JsonNode state = imports.run(xml.getBytes(StandardCharsets.UTF_8), "broken.xml", "kind=invoices");
        assertThat(state.get("status").asString()).isEqualTo("FAILED");
        assertThat(ImportClient.errors(state)).anySatisfy(e -> assertThat(e).contains("[BR-CO-16]"));
        assertThat(ImportClient.errors(state)).anySatisfy(e -> assertThat(e).contains("PEPPOL-EN16931-R003"));
        assertThat(tenant.api().get().uri("/api/v1/invoices?number=VF-2026-00417").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe.xml", "billion-laughs.xml"})
    void xmlWithEntityDeclarationsIsRefusedBeforeAnythingIsExpanded(String file) throws IOException {
        JsonNode state = imports.run(fixture(file), file, "kind=invoices");
        assertThat(state.get("status").asString()).isEqualTo("FAILED");
        assertThat(ImportClient.errors(state)).singleElement().satisfies(e -> assertThat(e)
                .startsWith("2|DOCTYPE|").contains("XXE").contains("billion laughs"));
        assertThat(state.toString()).doesNotContain("root:").doesNotContain("lollol");
    }

    @Test
    void xmlThatIsNotAnInvoiceIsRefused() {
        JsonNode state = imports.run("<order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8), "o.xml",
                "kind=invoices");
        assertThat(state.get("status").asString()).isEqualTo("FAILED");
        assertThat(ImportClient.errors(state).toString()).contains("not a UBL 2.1 Invoice or CreditNote");
    }

    private JsonNode invoice(String number) {
        return tenant.api().get().uri("/api/v1/invoices?number=" + number).retrieve().body(JsonNode.class);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = UblImportIntegrationTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }
}
