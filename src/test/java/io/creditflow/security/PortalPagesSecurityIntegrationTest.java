package io.creditflow.security;

import io.creditflow.portal.PortalLinks;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debtor portal is public to Spring Security (a debtor has no account) and guarded by its own session, so the
 * console's enumerations skip it (PublicPaths); this test enumerates every /portal mapping from Spring MVC instead.
 * Without a portal session every page but the sign-in ones sends the visitor to sign in, with strict headers; with
 * one, every page renders without inline script or style, reads of personal data are audited, every form post needs
 * its CSRF token, and the portal session opens no console page.
 */
@CreditflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesSecurityIntegrationTest {

    /** Reachable without a portal session, with what they answer to a stranger. */
    static final Map<String, Integer> OPEN = Map.of("/portal/t/{token}", 404, "/portal/code", 200,
            "/portal/branding.css", 200, "/portal/signed-out", 200);

    @Autowired ApplicationContext context;
    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired PortalLinks links;
    @Autowired Environment environment;

    TestTenant tenant;
    Person person;
    List<String> gets = new ArrayList<>();
    List<String> posts = new ArrayList<>();

    @BeforeAll
    void portalMappings() {
        tenant = tenants.create();
        person = fixtures.person(tenant, 77);
        Set<String> g = new TreeSet<>();
        Set<String> p = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                    .filter(path -> path.equals("/portal") || path.startsWith("/portal/")).forEach(path -> {
                        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                        if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                            g.add(path);
                        }
                        if (methods.contains(RequestMethod.POST)) {
                            p.add(path);
                        }
                    }));
        }
        gets.addAll(g);
        posts.addAll(p);
    }

    @Test
    void theEnumerationFindsThePortal() {
        assertThat(gets).contains("/portal", "/portal/invoices/{id}", "/portal/messages", "/portal/data/export.json");
        assertThat(posts).contains("/portal/pay", "/portal/plan", "/portal/invoices/{id}/dispute", "/portal/code");
    }

    @TestFactory
    Stream<DynamicTest> withoutASessionEveryPageSendsToSignIn() {
        return gets.stream().map(pattern -> DynamicTest.dynamicTest(pattern, () -> {
            ConsoleSession stranger = new ConsoleSession(tenant.baseUrl());
            HttpResponse<String> r = stranger.get(path(pattern), "X-Forwarded-For", "192.0.2.10");
            if (OPEN.containsKey(pattern)) {
                assertThat(r.statusCode()).as(pattern).isEqualTo(OPEN.get(pattern));
            } else {
                assertThat(r.statusCode()).as(pattern).isEqualTo(302);
                assertThat(r.headers().firstValue("Location").orElse("")).as(pattern).endsWith("/portal/code");
                assertThat(r.body()).as(pattern).doesNotContain(person.name());
            }
            strictHeaders(pattern, r);
        }));
    }

    @TestFactory
    Stream<DynamicTest> signedInEveryPageRendersSafelyAndAuditsPersonalData() {
        ConsoleSession debtor = signedIn();
        return gets.stream().filter(p -> !p.equals("/portal/t/{token}")).map(pattern ->
                DynamicTest.dynamicTest(pattern, () -> {
                    long before = auditEntries();
                    HttpResponse<String> r = debtor.get(path(pattern), "X-Forwarded-For", "192.0.2.11");
                    assertThat(r.statusCode()).as("%s: %s", pattern, r.body().length() > 300
                            ? r.body().substring(0, 300) : r.body()).isIn(200, 404);
                    strictHeaders(pattern, r);
                    if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                        var inline = EveryConsolePageSecurityIntegrationTest.INLINE.matcher(r.body());
                        assertThat(inline.find()).as("%s has inline script, style or handler", pattern).isFalse();
                    }
                    if (person.secrets().stream().filter(s -> !s.equals(person.externalId()))
                            .anyMatch(r.body()::contains)) {
                        assertThat(auditEntries()).as("%s showed personal data without an audit entry", pattern)
                                .isGreaterThan(before);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyFormPostNeedsTheCsrfToken() {
        ConsoleSession debtor = signedIn();
        return posts.stream().map(pattern -> DynamicTest.dynamicTest(pattern, () ->
                assertThat(debtor.postWithToken(path(pattern), Map.of("message", "x"), null).statusCode())
                        .as(pattern).isEqualTo(403)));
    }

    @Test
    void aPortalSessionOpensNoConsolePageAndNoApi() {
        ConsoleSession debtor = signedIn();
        HttpResponse<String> console = debtor.get("/console/home");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(debtor.get("/console/debtors/" + person.debtorId()).statusCode()).isEqualTo(302);
        assertThat(debtor.get("/api/v1/debtors/" + person.debtorId()).statusCode()).isEqualTo(401);
    }

    private ConsoleSession signedIn() {
        ConsoleSession debtor = new ConsoleSession(tenant.baseUrl());
        String link = tenants.inTenant(tenant, () -> links.linkFor(person.debtorId())).toString();
        HttpResponse<String> in = debtor.get(URI.create(link).getRawPath(), "X-Forwarded-For", "192.0.2.12");
        assertThat(in.statusCode()).isEqualTo(302);
        return debtor;
    }

    private String path(String pattern) {
        return pattern.replace("{id}", person.invoiceId().toString()).replace("{token}", "x")
                + (pattern.equals("/portal/plan") || pattern.equals("/portal/promise") ? "?invoice="
                + person.invoiceId() : "");
    }

    private static void strictHeaders(String pattern, HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(pattern)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(pattern).contains("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(pattern).contains("nosniff");
    }

    private long auditEntries() {
        return Superuser.jdbc(environment).sql("""
                select (select count(*) from audit_entry where tenant_id = :t and subject_id = :s)
                     + (select count(*) from audit_pending where tenant_id = :t and subject_id = :s)""")
                .param("t", tenant.id()).param("s", person.debtorId()).query(Long.class).single();
    }
}
