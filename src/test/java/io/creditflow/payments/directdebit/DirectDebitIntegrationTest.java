package io.creditflow.payments.directdebit;

import io.creditflow.payments.CamtFile;
import io.creditflow.payments.DirectDebitCollectionCreated;
import io.creditflow.payments.DirectDebitReturned;
import io.creditflow.payments.PaymentsApi;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
@RecordApplicationEvents
class DirectDebitIntegrationTest {

    static final String DEBTOR_IBAN = "NL91ABNA0417164300";

    @Autowired
    TestTenants tenants;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Clock clock;

    PaymentsApi api;
    String debtorId;

    @BeforeEach
    void setUp() {
        api = new PaymentsApi(tenants.create());
        var saved = api.tenant().api().put().uri("/api/v1/payment-settings")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("""
                        {"creditorName":"Creditflow Test BV","creditorIban":"NL69INGB0123456789",
                         "creditorBic":"INGBNL2A","creditorId":"NL32ZZZ999999991234","preNotificationDays":5}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        debtorId = api.debtor("DD-1", "Incasso Klant B.V.", DEBTOR_IBAN).get("id").asString();
    }

    @Test
    void aCollectionFileIsValidAndItsPaymentAndReturnFindTheInvoice() throws Exception {
        var mandate = api.post("/api/v1/mandates", """
                {"debtorId":"%s","reference":"MND-0001","signedOn":"2025-01-15","iban":"%s"}"""
                .formatted(debtorId, DEBTOR_IBAN));
        assertThat(mandate.getStatusCode().value()).isEqualTo(201);
        assertThat(mandate.getBody().get("ibanMasked").asString()).doesNotContain("0417");
        LocalDate today = LocalDate.now(clock);
        api.invoice("DD-1", "DD-INV-1", "75.50", today.minusDays(3).toString());
        LocalDate date = TargetCalendar.nextBusinessDay(today.plusDays(5));

        var created = tenants.inTenant(api.tenant(), () -> collectionsBean.create(date, "CORE"));
        assertThat(events.stream(DirectDebitCollectionCreated.class)).hasSize(1);
        JsonNode collection = api.get("/api/v1/direct-debit-collections/" + created.id());
        assertThat(collection.get("items").asInt()).isEqualTo(1);
        byte[] file = api.tenant().api().get().uri("/api/v1/direct-debit-collections/"
                + collection.get("id").asString() + "/file").retrieve().body(byte[].class);
        Pain008Schema.validate(new ByteArrayInputStream(file));
        String xml = new String(file, StandardCharsets.UTF_8);
        assertThat(xml).contains("<SeqTp>FRST</SeqTp>").contains("<MndtId>MND-0001</MndtId>")
                .contains("<ReqdColltnDt>" + date + "</ReqdColltnDt>").contains("<InstdAmt Ccy=\"EUR\">75.50</InstdAmt>");
        Matcher e2e = Pattern.compile("<EndToEndId>([^<]+)</EndToEndId>").matcher(xml);
        assertThat(e2e.find()).isTrue();
        JsonNode notices = api.get("/api/v1/direct-debit-collections/" + collection.get("id").asString()
                + "/pre-notifications");
        assertThat(notices.get(0).get("amount").asString()).isEqualTo("75.50");
        assertThat(notices.get(0).get("sent").asBoolean()).as("pre-notification in the messaging outbox").isTrue();
        var queued = tenants.inTenant(api.tenant(), () -> outbox.bySubject(java.util.UUID.fromString(debtorId), 10));
        assertThat(queued).singleElement().satisfies(m -> assertThat(m.origin()).isEqualTo("payments"));
        // like every message to the debtor, it carries the signed portal link, and the link signs this debtor in
        String html = String.valueOf(tenants.inTenant(api.tenant(), () -> outbox.get(queued.getFirst().id()))
                .content().orElseThrow().html());
        Matcher portalLink = Pattern.compile("href=\"[^\"]*/portal/t/([^\"]+)\"").matcher(html);
        assertThat(portalLink.find()).as(html).isTrue();
        assertThat(portalAccess.withLink(portalLink.group(1), "198.51.100.90").session()).get()
                .satisfies(s -> assertThat(s.debtorId().toString()).isEqualTo(debtorId));

        var again = api.post("/api/v1/direct-debit-collections", """
                {"collectionDate":"%s"}""".formatted(date));
        assertThat(again.getStatusCode().value()).as("already scheduled").isEqualTo(422);

        api.upload("collected.xml", CamtFile.statement().credit("DD-C-1", "75.50", e2e.group(1), null, null,
                "Incasso Klant BV", DEBTOR_IBAN).bytes());
        assertThat(api.invoiceByNumber("DD-INV-1").get("status").asString()).isEqualTo("PAID");

        byte[] returns = CamtFile.statement().returned("DD-R-1", "75.50", e2e.group(1), "MD01", "Incasso Klant BV",
                DEBTOR_IBAN).bytes();
        var returned = tenants.inTenant(api.tenant(), () -> imports.importFile("returned.xml",
                new ByteArrayInputStream(returns), (long) returns.length));
        assertThat(returned.applied()).isEqualTo(1);
        JsonNode invoice = api.invoiceByNumber("DD-INV-1");
        assertThat(invoice.get("status").asString()).isEqualTo("OPEN");
        assertThat(invoice.get("openAmount").asString()).isEqualTo("75.50");
        assertThat(events.stream(DirectDebitReturned.class)).singleElement()
                .satisfies(e -> assertThat(e.reasonCode()).isEqualTo("MD01"));
        assertThat(api.get("/api/v1/mandates?debtorId=" + debtorId).get(0).get("status").asString())
                .as("MD01 (no mandate) ends the mandate").isEqualTo("REVOKED");
    }

    @Test
    void aCollectionDateWithinThePreNotificationPeriodOrOnAHolidayIsRefused() {
        api.post("/api/v1/mandates", """
                {"debtorId":"%s","signedOn":"2025-01-15","iban":"%s"}""".formatted(debtorId, DEBTOR_IBAN));
        var tooSoon = api.post("/api/v1/direct-debit-collections", """
                {"collectionDate":"%s"}""".formatted(LocalDate.now(clock).plusDays(1)));
        assertThat(tooSoon.getStatusCode().value()).isEqualTo(422);
        assertThat(tooSoon.getBody().get("detail").asString()).contains("pre-notification");
        var christmas = api.post("/api/v1/direct-debit-collections", """
                {"collectionDate":"2031-12-25"}""");
        assertThat(christmas.getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void mandatesLapseAfterThirtySixMonthsUnused() {
        api.post("/api/v1/mandates", """
                {"debtorId":"%s","reference":"OLD-1","signedOn":"2020-01-15","iban":"%s"}"""
                .formatted(debtorId, DEBTOR_IBAN));
        api.post("/api/v1/mandates", """
                {"debtorId":"%s","reference":"NEW-1","signedOn":"%s","iban":"%s"}"""
                .formatted(debtorId, LocalDate.now(clock).minusMonths(2), DEBTOR_IBAN));
        int lapsed = tenants.inTenant(api.tenant(), () -> mandatesBean.lapse(LocalDate.now(clock)));
        assertThat(lapsed).isEqualTo(1);
        JsonNode all = api.get("/api/v1/mandates?debtorId=" + debtorId);
        assertThat(all.findValuesAsString("status")).containsExactlyInAnyOrder("LAPSED", "ACTIVE");
    }

    @Autowired
    Mandates mandatesBean;
    @Autowired
    DirectDebitCollections collectionsBean;
    @Autowired
    io.creditflow.messaging.Outbox outbox;
    @Autowired
    io.creditflow.portal.PortalAccess portalAccess;
    @Autowired
    io.creditflow.payments.reconciliation.StatementImports imports;
}
