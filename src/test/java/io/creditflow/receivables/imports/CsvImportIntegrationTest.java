package io.creditflow.receivables.imports;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
class CsvImportIntegrationTest {

    static final String HEADER = "debtor_external_id,debtor_type,debtor_name,debtor_email,debtor_iban,invoice_number,"
            + "issue_date,due_date,currency,amount,payment_reference\n";
    static final String GOOD = HEADER
            + "D-1,CONSUMER,Anna de Vries,anna@example.com,NL91ABNA0417164300,INV-1,2026-10-01,2026-10-15,EUR,121.00,\n"
            + "D-1,CONSUMER,Anna de Vries,anna@example.com,NL91ABNA0417164300,INV-2,01-10-2026,15-10-2026,EUR,\"1.234,56\",5000056789012345\n"
            + "D-2,BUSINESS,Bakker B.V.,info@bakker.example,NL86INGB0002445588,INV-3,2026-10-02,2026-11-01,EUR,500,RF18539007547034\n";

    @Autowired
    TestTenants tenants;
    @Autowired
    DSLContext dsl;

    TestTenant tenant;
    ImportClient imports;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        imports = new ImportClient(tenant);
    }

    @Test
    void importsTheDefaultProfileAndTheSameFileTwiceChangesNothing() {
        JsonNode first = imports.run(bytes(GOOD), "invoices.csv", "kind=invoices&mode=ALL_OR_NOTHING");
        assertThat(first.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("rowsTotal").asLong()).isEqualTo(3);
        assertThat(first.get("rowsImported").asLong()).isEqualTo(3);
        assertThat(first.get("debtorsCreated").asLong()).isEqualTo(2);
        assertThat(first.get("errors")).isEmpty();
        JsonNode inv2 = invoice("INV-2");
        assertThat(inv2.get("amount").asString()).isEqualTo("1234.56");
        assertThat(inv2.get("paymentReference").asString()).isEqualTo("5000056789012345");
        assertThat(inv2.get("dueDate").asString()).isEqualTo("2026-10-15");
        assertThat(io.creditflow.shared.Betalingskenmerk.isValid(invoice("INV-1").get("paymentReference").asString()))
                .isTrue();
        String before = snapshot();

        JsonNode second = imports.run(bytes(GOOD), "invoices.csv", "kind=invoices&mode=ALL_OR_NOTHING");
        assertThat(second.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("rowsImported").asLong()).isZero();
        assertThat(second.get("rowsUnchanged").asLong()).isEqualTo(3);
        assertThat(second.get("debtorsCreated").asLong() + second.get("debtorsUpdated").asLong()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Object[]> badFiles() {
        String row = "D-9,CONSUMER,Kees Smit,kees@example.com,NL69INGB0123456789,";
        return Stream.of(
                new Object[] {"wrong column count", HEADER + row + "B-1,2026-10-01,2026-10-15,EUR,10.00\n", "2||expected 11 columns"},
                new Object[] {"bad date", HEADER + row + "B-1,2026-02-30,2026-10-15,EUR,10.00,\n", "2|issue_date|not a calendar date"},
                new Object[] {"bad amount", HEADER + row + "B-1,2026-10-01,2026-10-15,EUR,12x,\n", "2|amount|not a number"},
                new Object[] {"ambiguous amount", HEADER + row + "B-1,2026-10-01,2026-10-15,EUR,\"1,234\",\n", "2|amount|ambiguous"},
                new Object[] {"negative amount", HEADER + row + "B-1,2026-10-01,2026-10-15,EUR,-10.00,\n", "2|amount|must be positive"},
                new Object[] {"zero amount", HEADER + row + "B-1,2026-10-01,2026-10-15,EUR,0,\n", "2|amount|must be positive"},
                new Object[] {"duplicate number", HEADER + row + "INV-X,2026-10-01,2026-10-15,EUR,10.00,\n" + row
                        + "INV-X,2026-10-01,2026-10-15,EUR,11.00,\n", "3|invoice_number|invoice number INV-X is also on line 2"},
                new Object[] {"bad payment reference", HEADER + row + "B-1,2026-10-01,2026-10-15,EUR,10.00,5000056789012346\n",
                        "2|payment_reference|check digit"},
                new Object[] {"bad IBAN", HEADER + "D-9,CONSUMER,Kees,kees@example.com,NL00INGB0123456789,B-1,2026-10-01,2026-10-15,EUR,10.00,\n",
                        "2|debtor_iban|not a valid IBAN"},
                new Object[] {"unknown debtor", HEADER + "D-404,,,,,B-1,2026-10-01,2026-10-15,EUR,10.00,\n",
                        "2|debtor_external_id|debtor D-404 is unknown"},
                new Object[] {"10 MB field", HEADER + row + "B-1,2026-10-01,2026-10-15,EUR,10.00,\"" + "9".repeat(10 * 1024 * 1024) + "\"\n",
                        "2|payment_reference|longer than the maximum field length"},
                new Object[] {"missing column", "debtor_external_id,invoice_number,issue_date,due_date\nD-1,X,2026-10-01,2026-10-02\n",
                        "1|amount|lacks the column(s) amount"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadRowInAllOrNothingModeChangesNothing(String name, String file, String expectedError) {
        imports.run(bytes(GOOD), "good.csv", "kind=invoices");
        String before = snapshot();
        String withGoodRows = file + GOOD.substring(HEADER.length()).replace("INV-", "NEW-");
        if (file.startsWith(HEADER)) {
            file = withGoodRows;
        }
        JsonNode state = imports.run(bytes(file), "bad.csv", "kind=invoices&mode=ALL_OR_NOTHING");
        assertThat(state.get("status").asString()).isEqualTo("FAILED");
        assertThat(state.get("rowsImported").asLong()).isZero();
        assertThat(ImportClient.errors(state)).anySatisfy(e -> {
            String[] expected = expectedError.split("\\|", 3);
            assertThat(e).startsWith(expected[0] + "|" + expected[1] + "|");
            assertThat(e).contains(expected[2]);
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void validRowsModeImportsTheGoodRowsAndReportsTheRest() {
        String file = GOOD + "D-3,CONSUMER,Piet,piet@example.com,,INV-4,2026-10-01,2026-09-01,EUR,10.00,\n";
        JsonNode state = imports.run(bytes(file), "mixed.csv", "kind=invoices&mode=VALID_ROWS");
        assertThat(state.get("status").asString()).isEqualTo("PARTIALLY_IMPORTED");
        assertThat(state.get("rowsImported").asLong()).isEqualTo(3);
        assertThat(state.get("rowsFailed").asLong()).isEqualTo(1);
        assertThat(ImportClient.errors(state)).containsExactly("5|due_date|before the issue date");
        assertThat(invoiceStatus("INV-3")).isEqualTo(200);
        assertThat(invoiceStatus("INV-4")).isEqualTo(404);
        String csv = tenant.api().get().uri(state.get("errorsCsv").asString()).retrieve().body(String.class);
        assertThat(csv).isEqualTo("line,column,message\r\n5,\"due_date\",\"before the issue date\"\r\n");
    }

    @Test
    void aDryRunValidatesEverythingAndWritesNothing() {
        String before = snapshot();
        JsonNode state = imports.run(bytes(GOOD), "invoices.csv", "kind=invoices&dryRun=true");
        assertThat(state.get("status").asString()).isEqualTo("VALIDATED");
        assertThat(state.get("rowsTotal").asLong()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void windows1252WithSemicolonsAndASavedProfile() {
        JsonNode profile = tenant.api().post().uri("/api/v1/import-profiles").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name":"Exact export","kind":"invoices","decimalSeparator":"COMMA","dateFormat":"dd-MM-yyyy",
                         "mapping":{"debtor_external_id":"Klantnummer","debtor_type":"Soort","debtor_name":"Naam",
                                    "invoice_number":"Factuurnummer","issue_date":"Factuurdatum",
                                    "due_date":"Vervaldatum","amount":"Bedrag","debtor_city":"Plaats",
                                    "debtor_postcode":"Postcode","debtor_street":"Straat"}}""")
                .retrieve().body(JsonNode.class);
        String file = "Klantnummer;Soort;Naam;Straat;Postcode;Plaats;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag\r\n"
                + "K100;zakelijk;Caf\u00e9 De Ster;Dorpsstraat 1;1234 AB;Zo\u00eberwoude;F-77;01-10-2026;31-10-2026;1.234\r\n";
        JsonNode state = imports.run(file.getBytes(TextEncoding.WINDOWS_1252), "export.csv",
                "kind=invoices&profileId=" + profile.get("id").asString());
        assertThat(state.get("status").asString()).as(state.toString()).isEqualTo("SUCCEEDED");
        assertThat(invoice("F-77").get("amount").asString()).isEqualTo("1234.00");
        JsonNode debtor = tenant.api().get().uri("/api/v1/debtors/" + invoice("F-77").get("debtorId").asString())
                .retrieve().body(JsonNode.class);
        assertThat(debtor.get("name").asString()).isEqualTo("Caf\u00e9 De Ster");
        assertThat(debtor.get("address").get("city").asString()).isEqualTo("Zo\u00eberwoude");
        assertThat(debtor.get("type").asString()).isEqualTo("BUSINESS");
    }

    @Test
    void aFileThatSwitchesEncodingHalfwayIsRefusedNamingTheLine() {
        String good = GOOD + "D-4,CONSUMER,Jos\u00e9,jose@example.com,,X-%d,2026-10-01,2026-10-15,EUR,10.00,\n";
        StringBuilder sb = new StringBuilder(GOOD);
        for (int i = 0; i < 1_000; i++) {
            sb.append(String.format("D-4,CONSUMER,Jos\u00e9,jose@example.com,,X-%d,2026-10-01,2026-10-15,EUR,10.00,\n", i));
        }
        byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "D-5,CONSUMER,Ren\u00e9,rene@example.com,,Y-1,2026-10-01,2026-10-15,EUR,10.00,\n"
                .getBytes(TextEncoding.WINDOWS_1252);
        byte[] file = new byte[utf8.length + tail.length];
        System.arraycopy(utf8, 0, file, 0, utf8.length);
        System.arraycopy(tail, 0, file, utf8.length, tail.length);
        String before = snapshot();
        JsonNode state = imports.run(file, "mixed-encoding.csv", "kind=invoices&mode=VALID_ROWS");
        assertThat(good).isNotEmpty();
        assertThat(state.get("status").asString()).isEqualTo("FAILED");
        assertThat(ImportClient.errors(state)).anySatisfy(e -> assertThat(e).startsWith("1005|").contains("E9"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aDebtorsFileRegistersAndUpdatesDebtors() {
        String file = "debtor_external_id\tdebtor_type\tdebtor_name\tdebtor_email\tdebtor_city\n"
                + "K-1\tB2B\tVisser Transport B.V.\tinfo@visser.example\tZwolle\n"
                + "K-2\tB2C\tLotte Bos\tlotte@example.com\t\n";
        JsonNode state = imports.run(bytes(file), "debtors.tsv", "kind=debtors");
        assertThat(state.get("status").asString()).as(state.toString()).isEqualTo("SUCCEEDED");
        assertThat(state.get("rowsImported").asLong()).isEqualTo(2);
        JsonNode again = imports.run(bytes(file.replace("lotte@example.com", "lotte.bos@example.com")), "debtors.tsv",
                "kind=debtors");
        assertThat(again.get("debtorsUpdated").asLong()).isEqualTo(1);
        assertThat(again.get("rowsUnchanged").asLong()).isEqualTo(1);
        JsonNode found = tenant.api().get().uri("/api/v1/debtors?q=lotte.bos@example.com").retrieve()
                .body(JsonNode.class);
        assertThat(found.get("items").get(0).get("externalId").asString()).isEqualTo("K-2");
    }

    private JsonNode invoice(String number) {
        return tenant.api().get().uri("/api/v1/invoices?number=" + number).retrieve().body(JsonNode.class);
    }

    private int invoiceStatus(String number) {
        return tenant.api().get().uri("/api/v1/invoices?number=" + number).retrieve().toBodilessEntity()
                .getStatusCode().value();
    }

    /** Counts and content digests of the tenant's receivables tables. */
    String snapshot() {
        return tenants.inTenant(tenant, () -> dsl.fetchValue("""
                select (select count(*) || ':' || coalesce(md5(string_agg(external_id || profile_digest::text, ',' order by external_id)), '') from debtor)
                    || '/' || (select count(*) || ':' || coalesce(md5(string_agg(number || amount || due_date || open_principal || status, ',' order by number)), '') from invoice)
                    || '/' || (select count(*) || ':' || coalesce(md5(string_agg(invoice_id::text || seq || principal, ',' order by invoice_id, seq)), '') from ledger_entry)
                    || '/' || (select count(*) from debtor_lookup)""").toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
