package io.creditflow.tenancy;

import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's door: sign-in, lock-out, CSRF, session fixation, strict headers, both languages. */
@CreditflowTest
class ConsoleSecurityIntegrationTest {

    @Autowired
    TestTenants tenants;

    @Test
    void signInChangesTheSessionIdAndShowsTheConsole() {
        TestTenant tenant = tenants.create();
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        session.get("/login");
        String before = session.sessionId();
        assertThat(session.login(tenant.user(Role.OWNER), TestTenants.PASSWORD)).endsWith("/console/home");
        assertThat(session.sessionId()).isNotNull().isNotEqualTo(before);
        HttpResponse<String> home = session.get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("data-chart=");
    }

    @Test
    void fiveWrongPasswordsLockTheLogin() {
        TestTenant tenant = tenants.create();
        String user = tenant.user(Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertThat(new ConsoleSession(tenant.baseUrl()).login(user, "wrong-password-" + i)).endsWith("/login?error");
        }
        assertThat(new ConsoleSession(tenant.baseUrl()).login(user, TestTenants.PASSWORD)).endsWith("/login?locked");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        TestTenant tenant = tenants.create();
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        session.login(tenant.user(Role.OWNER), TestTenants.PASSWORD);
        session.get("/console/settings/api-keys");
        HttpResponse<String> forged = session.postWithToken("/console/settings/api-keys",
                Map.of("name", "forged", "scopes", "receivables:read"), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> genuine = session.post("/console/settings/api-keys",
                Map.of("name", "genuine", "scopes", "receivables:read"));
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(genuine.body()).contains("cf_");
    }

    @Test
    void pagesCarryStrictSecurityHeadersAndSpeakBothLanguages() {
        TestTenant tenant = tenants.create();
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        HttpResponse<String> login = session.get("/login?lang=en");
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.body()).contains("Log in").doesNotContain("<script>").doesNotContain("style=");
        assertThat(session.get("/login?lang=nl").body()).contains("Inloggen");
    }
}
