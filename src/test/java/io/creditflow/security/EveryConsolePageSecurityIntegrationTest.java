package io.creditflow.security;

import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.ConsoleUsers;
import io.creditflow.tenancy.Permission;
import io.creditflow.tenancy.Role;
import org.apache.catalina.Context;
import org.apache.catalina.session.StandardSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console page, enumerated from Spring MVC's request mappings, for every role: allowed exactly when the role
 * holds one of the page's required authorities (403 otherwise, never an error), with strict headers (a CSP without
 * inline script, frame denial, nosniff) and no inline script, style or event handler in the HTML; HSTS only over TLS;
 * every form post refused without its CSRF token; the session id changed at sign-in and a session idle past its
 * timeout no longer signed in.
 */
@CreditflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryConsolePageSecurityIntegrationTest {

    /** The mailbox's rendering of a received e-mail (development mailbox), framed by the mailbox page. */
    static final String RECEIVED_MAIL = "/console/mailbox/{id}/html";

    static final Set<String> NOT_CONSOLE = Set.of("/", "/login", "/error", "/console/home");
    static final String OPERATOR = "pages-operator@creditflow.test";
    /** Pages with ids that the fixture's data must render (200), not merely not fail. */
    static final Set<String> MUST_RENDER = Set.of("/console/debtors/{id}", "/console/invoices/{id}",
            "/console/privacy/debtors/{id}", "/console/privacy/requests/{id}", "/console/privacy/erasures/{id}");
    static final Pattern INLINE = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\sstyle=\"|\\son[a-z]+=\"",
            Pattern.CASE_INSENSITIVE);

    @Autowired ApplicationContext context;
    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired ConsoleUsers users;
    @Autowired Environment environment;

    TestTenant tenant;
    Map<Role, ConsoleSession> sessions = new EnumMap<>(Role.class);
    List<Endpoints.Endpoint> pages;
    List<Endpoints.Endpoint> posts;
    Map<String, UUID> ids;

    @BeforeAll
    void tenantWithData() {
        tenant = tenants.create();
        Person person = fixtures.person(tenant, 11);
        Person erased = fixtures.person(tenant, 12);
        post("/api/v1/privacy/requests", "{\"type\":\"ERASURE\",\"debtorId\":\"" + person.debtorId() + "\"}");
        post("/api/v1/privacy/debtors/" + erased.debtorId() + "/erasure", "{}");
        if (!users.operatorExists(OPERATOR)) {
            users.createOperator(OPERATOR, "Operator", TestTenants.PASSWORD);
        }
        for (Role role : Role.values()) {
            ConsoleSession session = new ConsoleSession(tenant.baseUrl());
            String landing = session.login(role == Role.OPERATOR ? OPERATOR : tenant.user(role), TestTenants.PASSWORD);
            assertThat(landing).as("%s signs in", role).doesNotContain("error");
            sessions.put(role, session);
        }
        var all = Endpoints.all(context).stream().filter(e -> !e.pattern().startsWith("/api/")
                && !e.pattern().startsWith("/v3/") && !e.pattern().startsWith("/swagger")
                && !e.pattern().startsWith("/actuator") && !NOT_CONSOLE.contains(e.pattern())).toList();
        pages = all.stream().filter(e -> e.method().equals("GET")).toList();
        posts = all.stream().filter(e -> !e.method().equals("GET")).toList();
        ids = idsByTable();
        ids.put("debtor", person.debtorId());
        ids.put("tenant", tenant.id());
    }

    @Test
    void theEnumerationFindsTheConsole() {
        assertThat(pages).extracting(Endpoints.Endpoint::pattern)
                .contains("/console/debtors/{id}", "/console/privacy", "/console/privacy/debtors/{id}",
                        "/console/audit", "/operator/breaches");
        assertThat(posts).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyPageForEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoints.Endpoint page : pages) {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(role + " " + page.pattern(), () -> check(page, role)));
            }
        }
        return tests.stream();
    }

    private void check(Endpoints.Endpoint page, Role role) {
        boolean resolved = page.variables().keySet().stream().allMatch(v -> idFor(page, v) != null);
        String path = path(page);
        HttpResponse<String> response = sessions.get(role).get(path);
        int status = response.statusCode();
        boolean allowed = allowed(page, role);
        boolean download = page.pattern().matches(".*\\.(zip|json|pdf|csv)$");
        if (!allowed) {
            assertThat(status).as("%s may not see %s", role, path).isEqualTo(403);
        } else if (resolved && !download && (MUST_RENDER.contains(page.pattern()) || page.variables().isEmpty())) {
            assertThat(status).as("%s on %s: %s", role, path, excerpt(response)).isIn(200, 302);
        } else {
            // an object of another state (a certificate of a tenant not deleted), or no object of that kind
            assertThat(status).as("%s on %s: %s", role, path, excerpt(response)).isIn(200, 302, 404);
        }
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        if (page.pattern().equals(RECEIVED_MAIL) && status == 200) {
            // a received e-mail's own HTML, shown in a frame of the mailbox page: no script at all, sandboxed; the
            // mail's inline styles are allowed, nothing else is loaded
            assertThat(csp).as(path).startsWith("default-src 'none'").contains("sandbox")
                    .doesNotContain("script-src").doesNotContain("unsafe-eval");
            return;
        }
        assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            var inline = INLINE.matcher(response.body());
            assertThat(inline.find()).as("%s has inline script, style or handler: %s", path,
                    inline.hitEnd() ? "" : response.body().substring(Math.max(0, inline.start() - 60),
                            Math.min(response.body().length(), inline.end() + 60))).isFalse();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFormPostNeedsTheCsrfToken() {
        return posts.stream().map(p -> DynamicTest.dynamicTest(p.method() + " " + p.pattern(), () -> {
            ConsoleSession session = sessions.get(p.pattern().startsWith("/operator") ? Role.OPERATOR : Role.OWNER);
            var response = session.postWithToken(path(p), Map.of("reason", "x"), null);
            assertThat(response.statusCode()).as("%s without a CSRF token", p.pattern()).isEqualTo(403);
        }));
    }

    @Test
    void hstsOnlyWhenServedOverTls() {
        ConsoleSession owner = sessions.get(Role.OWNER);
        var tls = owner.get("/console/privacy", "X-Forwarded-Proto", "https");
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).contains("max-age="));
        assertThat(owner.get("/console/privacy").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void signInFixesANewSessionAndAnIdleSessionExpires() throws Exception {
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        session.get("/login");
        String before = session.sessionId();
        session.login(tenant.user(Role.VIEWER), TestTenants.PASSWORD);
        String after = session.sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(session.get("/console/debtors").statusCode()).isEqualTo(200);

        StandardSession tomcat = (StandardSession) tomcatContext().getManager().findSession(after);
        assertThat(tomcat.getMaxInactiveInterval()).as("the idle timeout (server.servlet.session.timeout)")
                .isEqualTo(30 * 60);
        long idle = System.currentTimeMillis() - (30 * 60 + 5) * 1000L;
        // Tomcat ends the previous request's access (stamping the session "now") after the client already has the
        // answer: back-date until that has happened and the back-dated time stays
        for (int attempt = 0; attempt < 50 && tomcat.getThisAccessedTimeInternal() != idle; attempt++) {
            for (String field : List.of("thisAccessedTime", "lastAccessedTime")) {
                var f = StandardSession.class.getDeclaredField(field);
                f.setAccessible(true);
                f.setLong(tomcat, idle);
            }
            Thread.sleep(100);
        }
        var response = session.get("/console/debtors");
        assertThat(response.statusCode()).as("an idle session is signed out").isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private Context tomcatContext() {
        var server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
        return (Context) server.getTomcat().getHost().findChildren()[0];
    }

    private boolean allowed(Endpoints.Endpoint page, Role role) {
        Set<String> needed = page.authorities();
        Set<String> held = role.permissions().stream().map(Permission::authority).collect(Collectors.toSet());
        if (page.pattern().startsWith("/operator")) {
            return role == Role.OPERATOR;
        }
        if (needed.isEmpty()) {
            return true;
        }
        return needed.stream().anyMatch(held::contains);
    }

    private String path(Endpoints.Endpoint e) {
        String path = e.pattern();
        for (String v : e.variables().keySet()) {
            UUID id = idFor(e, v);
            path = path.replaceFirst("\\{" + Pattern.quote(v) + "(:[^}]*)?}",
                    id != null ? id.toString() : e.variables().get(v).equals(UUID.class) ? UUID.randomUUID().toString()
                            : "x");
        }
        return path;
    }

    /** The id of the tenant's object a path variable names, from the variable's name or the segment before it. */
    private UUID idFor(Endpoints.Endpoint e, String variable) {
        String name = variable.endsWith("Id") ? variable.substring(0, variable.length() - 2) : null;
        if (name == null) {
            String before = e.pattern().substring(0, e.pattern().indexOf("{" + variable));
            String[] segments = before.split("/");
            name = segments[segments.length - 1];
        }
        String singular = name.replace('-', '_').replaceAll("ies$", "y").replaceAll("(ch|sh|ss|x)es$", "$1")
                .replaceAll("s$", "");
        for (var entry : ids.entrySet()) {
            if (entry.getKey().equals(singular) || entry.getKey().endsWith("_" + singular)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private Map<String, UUID> idsByTable() {
        var jdbc = Superuser.jdbc(environment);
        Map<String, UUID> out = new java.util.TreeMap<>();
        for (String table : jdbc.sql("""
                select c.table_name from information_schema.columns c
                 where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'
                   and exists (select 1 from information_schema.columns t where t.table_schema = 'public'
                                and t.table_name = c.table_name and t.column_name = 'tenant_id')""")
                .query(String.class).list()) {
            jdbc.sql("select id from \"" + table + "\" where tenant_id = ? limit 1").param(tenant.id())
                    .query(UUID.class).optional().ifPresent(id -> out.put(table, id));
        }
        return out;
    }

    private static String excerpt(HttpResponse<String> response) {
        String body = response.body();
        return body.length() > 300 ? body.substring(0, 300) : body;
    }

    private void post(String path, String body) {
        var response = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity();
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }
}
