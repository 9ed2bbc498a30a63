package io.creditflow.payments.links;

import io.creditflow.payments.PaymentsApi;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole pay-link flow as a debtor and the sandbox provider go through it, over HTTP. */
@CreditflowTest
class PaymentLinksIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    SandboxPaymentProvider sandbox;

    PaymentsApi api;
    String debtorId;
    JsonNode a;
    JsonNode b;
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        api = new PaymentsApi(tenants.create());
        debtorId = api.debtor("L-1", "Online Betaler B.V.", "NL91ABNA0417164300").get("id").asString();
        a = api.invoice("L-1", "LINK-1", "40.00", "2026-02-01");
        b = api.invoice("L-1", "LINK-2", "60.25", "2026-02-15");
    }

    @Test
    void aDebtorPaysTwoInvoicesThroughTheSandboxAndTheWebhookAppliesItOnce() throws Exception {
        JsonNode link = link();
        assertThat(link.get("amount").asString()).isEqualTo("100.25");
        assertThat(link().get("id").asString()).as("same invoices, same open link").isEqualTo(link.get("id").asString());
        String token = link.get("url").asString().replaceAll(".*/pay/", "");

        HttpResponse<String> page = get("/pay/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("LINK-1").contains("LINK-2").contains("100.25")
                .doesNotContain("Online Betaler");
        HttpResponse<String> started = post("/pay/" + token, csrf(page.body()));
        assertThat(started.statusCode()).isEqualTo(302);
        String checkout = started.headers().firstValue("Location").orElseThrow();
        assertThat(checkout).contains("/sandbox-psp/checkout/sbx_");
        String paymentId = checkout.substring(checkout.lastIndexOf('/') + 1);

        HttpResponse<String> psp = get(URI.create(checkout).getPath());
        assertThat(psp.body()).contains("Sandbox payments - not a real PSP").contains("100.25");
        HttpResponse<String> paid = post(URI.create(checkout).getPath() + "/pay", csrf(psp.body()));
        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(paid.headers().firstValue("Location").orElseThrow()).endsWith("/pay/" + token);

        assertThat(api.invoiceByNumber("LINK-1").get("status").asString()).isEqualTo("PAID");
        assertThat(api.invoiceByNumber("LINK-2").get("status").asString()).isEqualTo("PAID");
        assertThat(get("/pay/" + token).body()).containsAnyOf("Thank you", "Dank u wel");

        String body = """
                {"eventId":"evt_replay_1","paymentId":"%s","status":"PAID","amount":"100.25","currency":"EUR"}"""
                .formatted(paymentId);
        assertThat(webhook(body, Instant.now().getEpochSecond()).body()).contains("RECORDED");
        assertThat(webhook(body, Instant.now().getEpochSecond()).body()).contains("DUPLICATE");
        assertThat(api.invoiceByNumber("LINK-2").get("openAmount").asString()).isEqualTo("0.00");
        assertThat(api.get("/api/v1/payment-links?debtorId=" + debtorId).get(0).get("status").asString())
                .isEqualTo("PAID");
    }

    @Test
    void forgedStaleOrBrokenWebhooksAreRefusedAndChangeNothing() throws Exception {
        String token = link().get("url").asString().replaceAll(".*/pay/", "");
        HttpResponse<String> page = get("/pay/" + token);
        String checkout = post("/pay/" + token, csrf(page.body())).headers().firstValue("Location").orElseThrow();
        String paymentId = checkout.substring(checkout.lastIndexOf('/') + 1);
        String body = """
                {"eventId":"evt_forged","paymentId":"%s","status":"PAID","amount":"100.25","currency":"EUR"}"""
                .formatted(paymentId);
        HttpResponse<String> forged = send("/api/v1/payment-links/webhooks/sandbox", body,
                "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(webhook(body, Instant.now().getEpochSecond() - 3600).statusCode()).as("replayed an hour later")
                .isEqualTo(400);
        assertThat(send("/api/v1/payment-links/webhooks/sandbox", "{not json", "t=1,v1=00").statusCode()).isEqualTo(400);
        assertThat(send("/api/v1/payment-links/webhooks/nobody", body, "x").statusCode()).isEqualTo(404);
        assertThat(api.invoiceByNumber("LINK-1").get("status").asString()).isEqualTo("OPEN");
        assertThat(api.invoiceByNumber("LINK-2").get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void anUnknownTokenIsNotFound() throws Exception {
        assertThat(get("/pay/" + "x".repeat(43)).statusCode()).isEqualTo(404);
    }

    private JsonNode link() {
        return api.post("/api/v1/payment-links", """
                {"debtorId":"%s","invoiceIds":["%s","%s"]}""".formatted(debtorId, a.get("id").asString(),
                b.get("id").asString())).getBody();
    }

    private HttpResponse<String> webhook(String body, long epochSeconds) throws Exception {
        return send("/api/v1/payment-links/webhooks/sandbox", body,
                sandbox.signatureHeader(epochSeconds, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String path, String body, String signature) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.tenant().baseUrl() + path))
                .header("Content-Type", "application/json").header("Sandbox-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.tenant().baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String csrf) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.tenant().baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("csrf field in " + html).isTrue();
        return m.group(1);
    }
}
