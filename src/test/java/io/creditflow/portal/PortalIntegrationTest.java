package io.creditflow.portal;

import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.PromisesToPay;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.tenancy.Role;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal as a debtor uses it over HTTP: signing in, seeing only their own invoices, and each self-service act. */
@CreditflowTest
class PortalIntegrationTest {

    static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired TestTenants tenants;
    @Autowired PortalLinks links;
    @Autowired PaymentPlans plans;
    @Autowired PromisesToPay promises;
    @Autowired PortalMessages messages;
    @Autowired Clock clock;

    TestTenant tenant;
    PortalFixtures fx;
    PortalFixtures.Debtor debtor;
    PortalFixtures.Debtor neighbour;
    UUID a;
    UUID b;
    UUID other;
    LocalDate today;
    String suffix;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        fx = new PortalFixtures(tenant);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
        debtor = fx.consumer("P-" + suffix, "Jan Portaal", "en");
        neighbour = fx.consumer("Q-" + suffix, "Piet Buurman", "nl");
        a = fx.invoice(debtor, "PA-" + suffix, "100.00", today.minusDays(20));
        b = fx.invoice(debtor, "PB-" + suffix, "250.50", today.plusDays(10));
        other = fx.invoice(neighbour, "QX-" + suffix, "999.99", today.minusDays(5));
    }

    @Test
    void aLinkSignsInToOnlyThatDebtorsInvoices() {
        PortalClient browser = browser();
        HttpResponse<String> in = browser.get(link(debtor.id()));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(PortalClient.location(in)).endsWith("/portal");
        HttpResponse<String> page = browser.get("/portal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("PA-" + suffix, "PB-" + suffix, "Jan Portaal", "350.50")
                .doesNotContain("QX-" + suffix).doesNotContain("Piet Buurman");
        assertThat(page.body()).as("the debtor's language (en)").contains("My invoices");
        assertThat(browser.get("/portal/invoices/" + other).statusCode()).as("a neighbour's invoice").isEqualTo(404);
        assertThat(browser.bytes("/portal/invoices/" + other + "/pdf").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> pdf = browser.bytes("/portal/invoices/" + a + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void forgedExpiredAndForeignLinksAreRefused() {
        TestTenant stranger = tenants.create();
        String good = link(debtor.id()).replaceAll(".*/portal/t/", "");
        String payload = good.substring(0, good.indexOf('.'));
        String mac = good.substring(good.indexOf('.') + 1);
        // the same signature on the same debtor claimed in another tenant
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(payload));
        bytes.putLong(0, stranger.id().getMostSignificantBits()).putLong(8, stranger.id().getLeastSignificantBits());
        String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + "." + mac;
        String expired = tenants.inTenant(tenant, () -> links.token(tenant.id(), debtor.id(),
                Instant.now(clock).minusSeconds(1)));
        String otherDebtor = tenants.inTenant(tenant, () -> links.token(tenant.id(), neighbour.id(),
                Instant.now(clock).plusSeconds(3600)));
        String swapped = otherDebtor.substring(0, otherDebtor.indexOf('.')) + "." + mac;
        for (String token : new String[] {foreign, expired, swapped, payload + ".AAAA", "garbage", good + "x"}) {
            PortalClient browser = browser();
            assertThat(browser.get("/portal/t/" + token).statusCode()).as(token).isEqualTo(404);
            assertThat(browser.get("/portal").statusCode()).as("no session after " + token).isEqualTo(302);
        }
    }

    @Test
    void aShortCodeNeedsThePostcodeOrAnInvoiceNumberAndIsRateLimited() {
        String code = tenants.inTenant(tenant, () -> links.codeFor(debtor.id()));
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(tenants.inTenant(tenant, () -> links.codeFor(debtor.id()))).as("same code all month").isEqualTo(code);

        PortalClient browser = browser();
        browser.get("/portal/code");
        assertThat(browser.post("/portal/code", "code", code, "secondFactor", "9999 ZZ").statusCode()).isEqualTo(401);
        assertThat(browser.post("/portal/code", "code", code, "secondFactor", "QX-" + suffix).statusCode())
                .as("a neighbour's invoice number").isEqualTo(401);
        assertThat(browser.post("/portal/code", "code", code, "secondFactor", "").statusCode()).isEqualTo(401);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
        HttpResponse<String> ok = browser.post("/portal/code", "code", code.toLowerCase().replace("-", " "),
                "secondFactor", "4435ab");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(browser.get("/portal").body()).contains("PA-" + suffix);

        PortalClient second = browser();
        second.get("/portal/code");
        assertThat(second.post("/portal/code", "code", code, "secondFactor", "PB-" + suffix).statusCode())
                .as("an invoice number as second factor").isEqualTo(302);

        // five tries per code per half hour, whatever the address: the sixth is refused even when right
        PortalClient third = browser();
        third.get("/portal/code");
        HttpResponse<String> throttled = third.post("/portal/code", "code", code, "secondFactor", "4435 AB");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).containsAnyOf("Too many attempts", "Te veel pogingen");
    }

    @Test
    void oneAddressGetsTwentySignInsPerTenMinutes() {
        PortalClient browser = browser();
        for (int i = 0; i < 20; i++) {
            assertThat(browser.get("/portal/t/bad" + i).statusCode()).isEqualTo(404);
        }
        assertThat(browser.get(link(debtor.id())).statusCode()).isEqualTo(429);
        assertThat(browser().get(link(debtor.id())).statusCode()).as("another address").isEqualTo(302);
    }

    @Test
    void aDisputePausesTheInvoiceAndTheDebtorsWordsGoToTheThread() {
        PortalClient browser = signedIn();
        browser.get("/portal/invoices/" + a);
        HttpResponse<String> bad = browser.post("/portal/invoices/" + a + "/dispute", "reason", "BECAUSE");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fx.get("/api/v1/invoices/" + a).get("status").asString()).isEqualTo("OPEN");
        HttpResponse<String> done = browser.post("/portal/invoices/" + a + "/dispute", "reason", "WRONG_AMOUNT",
                "message", "I was charged twice for the consult.");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(fx.get("/api/v1/invoices/" + a).get("status").asString()).isEqualTo("DISPUTED");
        assertThat(browser.post("/portal/invoices/" + other + "/dispute", "reason", "OTHER").statusCode())
                .as("a neighbour's invoice").isEqualTo(404);
        assertThat(fx.get("/api/v1/invoices/" + other).get("status").asString()).isEqualTo("OPEN");
        var thread = tenants.inTenant(tenant, () -> messages.thread(debtor.id(), "TENANT"));
        assertThat(thread).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("PA-" + suffix, "charged twice");
            assertThat(m.fromDebtor()).isTrue();
        });
    }

    @Test
    void aPlanWithinTheRulesIsAgreedALongerOneGoesToReviewAndBeyondIsRefused() {
        PortalClient browser = signedIn();
        String first = today.plusDays(7).toString();
        assertThat(browser.get("/portal/plan?invoice=" + a).body()).contains("PA-" + suffix, "100.00");
        HttpResponse<String> tooMany = browser.post("/portal/plan", "invoice", a.toString(), "instalments", "13",
                "firstDueDate", first, "frequency", "MONTHLY");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("between 1 and 12");
        HttpResponse<String> tooSmall = browser.post("/portal/plan", "invoice", a.toString(), "instalments", "5",
                "firstDueDate", first, "frequency", "MONTHLY");
        assertThat(tooSmall.statusCode()).as("100.00 in 5 is below the 25.00 minimum").isEqualTo(400);
        assertThat(tenants.inTenant(tenant, () -> plans.ofDebtor(debtor.id()))).isEmpty();

        HttpResponse<String> agreed = browser.post("/portal/plan", "invoice", a.toString(), "instalments", "2",
                "firstDueDate", first, "frequency", "MONTHLY");
        assertThat(agreed.statusCode()).isEqualTo(200);
        HttpResponse<String> review = browser.post("/portal/plan", "invoice", b.toString(), "instalments", "8",
                "firstDueDate", first, "frequency", "WEEKLY");
        assertThat(review.statusCode()).isEqualTo(200);
        var byInvoiceCount = tenants.inTenant(tenant, () -> plans.ofDebtor(debtor.id()));
        assertThat(byInvoiceCount).extracting(PaymentPlans.Plan::status).containsExactlyInAnyOrder("ACTIVE", "PROPOSED");
        assertThat(browser.post("/portal/plan", "invoice", other.toString(), "instalments", "2", "firstDueDate",
                first, "frequency", "MONTHLY").statusCode()).as("a neighbour's invoice").isEqualTo(404);
    }

    @Test
    void aPromiseCoversTheChosenInvoicesOpenTotal() {
        PortalClient browser = signedIn();
        browser.get("/portal/promise?invoice=" + a + "&invoice=" + b);
        assertThat(browser.post("/portal/promise", "invoice", a.toString(), "invoice", b.toString(), "promisedDate",
                today.minusDays(1).toString()).statusCode()).isEqualTo(400);
        assertThat(browser.post("/portal/promise", "invoice", a.toString(), "invoice", b.toString(), "promisedDate",
                today.plusDays(5).toString()).statusCode()).isEqualTo(200);
        var made = tenants.inTenant(tenant, () -> promises.list(debtor.id(), "OPEN", 10));
        assertThat(made).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo("350.50");
            assertThat(p.promisedDate()).isEqualTo(today.plusDays(5));
        });
    }

    @Test
    void payingGoesToAPaymentLinkForExactlyTheChosenInvoices() {
        PortalClient browser = signedIn();
        browser.get("/portal");
        HttpResponse<String> pay = browser.post("/portal/pay", "invoice", a.toString(), "invoice", b.toString());
        assertThat(pay.statusCode()).isEqualTo(302);
        assertThat(PortalClient.location(pay)).contains("/pay/");
        assertThat(browser.get(PortalClient.location(pay)).body()).contains("350.50");
        browser.get("/portal");
        assertThat(browser.post("/portal/pay", "invoice", other.toString()).statusCode()).isEqualTo(404);
    }

    @Test
    void contactDetailsAreValidatedAndSaved() {
        PortalClient browser = signedIn();
        browser.get("/portal/contact");
        HttpResponse<String> bad = browser.post("/portal/contact", "email", "not-an-address", "phone", "+31612345678");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fx.get("/api/v1/debtors/" + debtor.id()).toString()).contains(debtor.externalId().toLowerCase()
                + "@example.org");
        assertThat(browser.post("/portal/contact", "email", "jan.new@example.org", "phone", "+31687654321")
                .statusCode()).isEqualTo(302);
        String after = fx.get("/api/v1/debtors/" + debtor.id()).toString();
        assertThat(after).contains("jan.new@example.org", "+31687654321");

        // the change is a rectification by the person: in privacy's history with the previous value, from a
        // completed PORTAL request; the refused change left no trace there
        JsonNode history = fx.get("/api/v1/privacy/debtors/" + debtor.id() + "/rectifications");
        assertThat(history).hasSize(1);
        JsonNode r = history.get(0);
        assertThat(r.get("section").asString()).isEqualTo("receivables.debtor");
        assertThat(r.get("fields").toString()).contains("emails").contains("phones");
        assertThat(r.get("previous").get("emails").asString()).isEqualTo(debtor.externalId().toLowerCase()
                + "@example.org");
        assertThat(r.get("rectifiedBy").asString()).isEqualTo("debtor (portal)");
        JsonNode request = fx.get("/api/v1/privacy/requests/" + r.get("requestId").asString());
        assertThat(request.get("type").asString()).isEqualTo("RECTIFICATION");
        assertThat(request.get("channel").asString()).isEqualTo("PORTAL");
        assertThat(request.get("status").asString()).isEqualTo("COMPLETED");

        // saving the same values again is no rectification
        browser.get("/portal/contact");
        assertThat(browser.post("/portal/contact", "email", "jan.new@example.org", "phone", "+31687654321")
                .statusCode()).isEqualTo(302);
        assertThat(fx.get("/api/v1/privacy/debtors/" + debtor.id() + "/rectifications")).hasSize(1);
    }

    @Test
    void messagesGoBothWaysAndTheDataDownloadHasThem() {
        PortalClient browser = signedIn();
        browser.get("/portal/messages");
        assertThat(browser.post("/portal/messages", "message", "  ").statusCode()).isEqualTo(400);
        assertThat(browser.post("/portal/messages", "message", "Can I pay next week?").statusCode()).isEqualTo(302);
        tenants.inTenant(tenant, () -> messages.fromTenant(debtor.id(), "Yes, that is fine."));
        assertThat(browser.get("/portal").body()).contains("1 new message");
        assertThat(browser.get("/portal/messages").body()).contains("Can I pay next week?", "Yes, that is fine.");
        HttpResponse<byte[]> json = browser.bytes("/portal/data/export.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(new String(json.body())).contains("portal.messages", "Can I pay next week?", "Jan Portaal");
        assertThat(fx.get("/api/v1/privacy/requests?view=ALL&debtorId=" + debtor.id()).toString())
                .as("an access request of the portal channel, completed").contains("PORTAL", "ACCESS", "COMPLETED");
        HttpResponse<byte[]> pdf = browser.bytes("/portal/data/export.pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void pagesWithoutASessionGoToSignIn() {
        PortalClient browser = browser();
        for (String path : new String[] {"/portal", "/portal/invoices/" + a, "/portal/messages", "/portal/data",
                "/portal/data/export.json", "/portal/contact", "/portal/plan", "/portal/logo"}) {
            HttpResponse<String> r = browser.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(PortalClient.location(r)).as(path).endsWith("/portal/code");
        }
        PortalClient in = signedIn();
        in.get("/portal");
        assertThat(in.post("/portal/logout").statusCode()).isEqualTo(302);
        assertThat(in.get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void theTenantBrandsThePortalAndAnswersFromTheConsole() {
        ConsoleSession owner = new ConsoleSession(tenant.baseUrl());
        owner.login(tenant.user(Role.OWNER), TestTenants.PASSWORD);
        assertThat(owner.get("/console/portal").statusCode()).isEqualTo(200);
        Map<String, String> form = new java.util.HashMap<>(Map.of("displayName", "Zonnepanelen BV",
                "brandColour", "#7a9cc6", "brandTextColour", "#ffffff", "planMaxInstalments", "12",
                "planAutoInstalments", "6", "planMinInstalment", "25.00", "planMaxFirstDays", "30",
                "texts.en.welcome", "Questions? Call us."));
        HttpResponse<String> refused = owner.post("/console/portal", form);
        assertThat(refused.statusCode()).as("light blue on white is 2.8:1").isEqualTo(400);
        assertThat(refused.body()).contains("brandColour", "4.5:1");
        owner.get("/console/portal");
        form.put("brandColour", "#0b5345");
        assertThat(owner.post("/console/portal", form).statusCode()).isEqualTo(302);

        PortalClient browser = signedIn();
        assertThat(browser.get("/portal/branding.css").body()).contains("--portal-brand:#0b5345");
        assertThat(browser.get("/portal").body()).contains("Zonnepanelen BV", "Questions? Call us.");
        browser.get("/portal/messages");
        browser.post("/portal/messages", "message", "Please call me back.");

        assertThat(owner.get("/console/portal/messages").body()).contains("Jan Portaal");
        assertThat(owner.get("/console/portal/messages/" + debtor.id()).body()).contains("Please call me back.");
        assertThat(owner.post("/console/portal/messages/" + debtor.id(), Map.of("message", "We will call today."))
                .statusCode()).isEqualTo(302);
        assertThat(browser.get("/portal/messages").body()).contains("We will call today.");

        ConsoleSession viewer = new ConsoleSession(tenant.baseUrl());
        viewer.login(tenant.user(Role.VIEWER), TestTenants.PASSWORD);
        assertThat(viewer.get("/console/portal").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/console/portal/messages").statusCode()).isEqualTo(403);
    }

    private PortalClient signedIn() {
        PortalClient browser = browser();
        assertThat(browser.get(link(debtor.id())).statusCode()).isEqualTo(302);
        return browser;
    }

    private PortalClient browser() {
        return new PortalClient(tenant.baseUrl(), "198.51.100." + ADDRESSES.incrementAndGet() % 250);
    }

    private String link(UUID debtorId) {
        return tenants.inTenant(tenant, () -> links.linkFor(debtorId)).toString();
    }
}
