package io.creditflow.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.creditflow.payments.PaymentPlans;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's main journeys in a real Chromium (Debian's, driven by Playwright): open the link from an e-mail and see
 * the invoices, pay through the sandbox provider, propose a plan, dispute, and sign in with a letter's code. Each
 * step leaves a screenshot in target/playwright-screenshots; every page visited is checked for labelled inputs and
 * buttons that the keyboard reaches.
 */
@CreditflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIntegrationTest {

    static final Path SHOTS = Paths.get("target", "playwright-screenshots");
    static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired TestTenants tenants;
    @Autowired PortalLinks links;
    @Autowired PaymentPlans plans;
    @Autowired Clock clock;

    Playwright playwright;
    Browser browser;
    BrowserContext context;
    Page page;
    TestTenant tenant;
    PortalFixtures.Debtor debtor;
    UUID first;
    UUID second;
    String suffix;
    String name;

    @BeforeAll
    void chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void debtorWithInvoices(TestInfo info) {
        tenant = tenants.create();
        PortalFixtures fx = new PortalFixtures(tenant);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
        debtor = fx.consumer("B-" + suffix, "Anna Browser", "en");
        first = fx.invoice(debtor, "BR1-" + suffix, "120.00", today.minusDays(15));
        second = fx.invoice(debtor, "BR2-" + suffix, "80.50", today.plusDays(5));
        name = info.getTestMethod().orElseThrow().getName();
        boolean phone = name.contains("Phone");
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(phone ? 390 : 1280, phone ? 844 : 900).setLocale("en-GB")
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0.113." + ADDRESSES.incrementAndGet() % 250)));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void openTheLinkSeeTheInvoicesAndPayThemThroughTheSandbox() {
        page.navigate(url(link()));
        assertThat(page.url()).endsWith("/portal");
        assertThat(page.locator("main").textContent()).contains("BR1-" + suffix, "BR2-" + suffix, "200.50",
                "Anna Browser");
        shot("1-overview");
        accessible();
        page.getByText("Pay selected invoices").click();
        assertThat(page.url()).contains("/pay/");
        shot("2-pay-link");
        page.locator("form button.primary").click();
        assertThat(page.url()).contains("/sandbox-psp/checkout/");
        shot("3-sandbox-checkout");
        page.locator("button.primary").click();
        page.waitForURL("**/pay/**");
        assertThat(page.locator("body").textContent()).containsAnyOf("Paid. Thank you!", "Betaald");
        shot("4-paid");
        page.navigate(url("/portal"));
        assertThat(page.locator("main").textContent()).contains("Nothing is open");
        assertThat(page.locator("main table").last().textContent()).contains("BR1-" + suffix, "BR2-" + suffix);
        shot("5-overview-paid");
    }

    @Test
    void proposeAPaymentPlanOnAPhone() {
        page.navigate(url(link()));
        page.getByLabel("Select invoice BR2-" + suffix).uncheck();
        page.getByText("Propose a payment plan").click();
        assertThat(page.url()).contains("/portal/plan");
        accessible();
        page.getByLabel("Number of instalments").fill("2");
        shot("plan-1-form-phone");
        page.getByText("Propose plan").click();
        assertThat(page.locator("main").textContent()).contains("Your payment plan is agreed");
        shot("plan-2-agreed-phone");
        var made = tenants.inTenant(tenant, () -> plans.ofDebtor(debtor.id()));
        assertThat(made).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo("ACTIVE"));
        assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone").isEqualTo(true);
    }

    @Test
    void disputeAnInvoice() {
        page.navigate(url(link()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("BR1-" + suffix)).click();
        assertThat(page.locator("main").textContent()).contains("How this amount came about");
        accessible();
        page.getByLabel("Reason").selectOption("NOT_RECEIVED");
        page.getByLabel("Explain (optional)").fill("The parcel never arrived.");
        shot("dispute-1-form");
        page.getByText("Send dispute").click();
        assertThat(page.locator("main").textContent()).contains("We received your dispute", "disputed");
        shot("dispute-2-done");
    }

    @Test
    void signInWithTheCodeFromALetter() {
        String code = tenants.inTenant(tenant, () -> links.codeFor(debtor.id()));
        page.navigate(url("/portal/code?lang=en"));
        accessible();
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        page.getByLabel("Postcode or invoice number").fill("1111 XX");
        page.getByText("Sign in", new Page.GetByTextOptions().setExact(true)).last().click();
        assertThat(page.locator("[role=alert]").textContent()).contains("do not match");
        shot("code-1-refused");
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        page.getByLabel("Postcode or invoice number").fill("4435 AB");
        page.locator("form button.primary").click();
        assertThat(page.url()).endsWith("/portal");
        assertThat(page.locator("main").textContent()).contains("BR1-" + suffix);
        shot("code-2-signed-in");
        for (String path : List.of("/portal/contact", "/portal/messages", "/portal/data", "/portal/promise?invoice="
                + first)) {
            page.navigate(url(path));
            accessible();
        }
        page.navigate(url("/portal?lang=de"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Meine Rechnungen");
        page.navigate(url("/portal?lang=fr"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Mes factures");
        shot("code-3-french");
    }

    /**
     * WCAG checks a browser can make: every form control has an accessible name from a label, and pressing Tab
     * reaches every button and link of the page with a visible focus outline.
     */
    private void accessible() {
        Object unlabelled = page.evaluate("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(e => !(e.labels && e.labels.length > 0) && !e.getAttribute('aria-label'))
                  .map(e => e.name || e.id)""");
        assertThat((List<?>) unlabelled).as("inputs without a label on " + page.url()).isEmpty();
        Set<String> wanted = new LinkedHashSet<>();
        Locator controls = page.locator("button, a[href]");
        for (int i = 0; i < controls.count(); i++) {
            if (controls.nth(i).isVisible()) {
                wanted.add(key(controls.nth(i).evaluate("e => e.outerHTML").toString()));
            }
        }
        page.locator("body").focus();
        Set<String> reached = new LinkedHashSet<>();
        List<String> unoutlined = new ArrayList<>();
        for (int i = 0; i < wanted.size() + 40 && !reached.containsAll(wanted); i++) {
            page.keyboard().press("Tab");
            Object html = page.evaluate("document.activeElement ? document.activeElement.outerHTML : ''");
            reached.add(key(String.valueOf(html)));
            Object outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
            if ("none".equals(outline)) {
                unoutlined.add(String.valueOf(html));
            }
        }
        assertThat(reached).as("Tab reaches every button and link on " + page.url()).containsAll(wanted);
        assertThat(unoutlined).as("focus visible on " + page.url()).isEmpty();
    }

    private static String key(String outerHtml) {
        return outerHtml.length() > 300 ? outerHtml.substring(0, 300) : outerHtml;
    }

    private void shot(String step) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(name + "-" + step + ".png")));
    }

    private String link() {
        return URI.create(tenants.inTenant(tenant, () -> links.linkFor(debtor.id())).toString()).getRawPath();
    }

    private String url(String path) {
        return tenant.baseUrl() + path;
    }
}
