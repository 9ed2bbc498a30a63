package io.creditflow.acceptance;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console pages render for the roles that may see them and refuse the others. */
@CreditflowTest
class AcceptanceConsoleIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    TestTenants tenants;

    @Test
    void checkLogDetailReviewQueueLimitsAndPolicyEditorRender() throws Exception {
        TestTenant tenant = tenants.create();
        JsonNode check = tenant.api().post().uri("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON)
                .body(CreditCheckApiIntegrationTest.consumer("Console", "1970-05-05", "75.00", "")
                        .replace("anna.console@example.com", "x@mailinator.com"))
                .retrieve().body(JsonNode.class);
        String id = check.get("checkId").asString();
        Session manager = login(tenant, tenant.user(Role.CREDIT_MANAGER));

        String log = manager.get("/console/credit-checks?decision=REFER&lang=en");
        assertThat(log).contains("Credit checks").contains(id).contains("KO_DISPOSABLE_EMAIL");
        String detail = manager.get("/console/credit-checks/" + id + "?lang=nl");
        assertThat(detail).contains("Kredietcheck").contains("Console")
                .contains("wegwerp").contains("dev-csv:insolvency-register").contains("Scorekaart");
        assertThat(manager.get("/console/credit-reviews?lang=en")).contains("Referral").contains(id);
        assertThat(manager.get("/console/credit-limits?lang=en")).contains("Credit limits").contains("NEW_CUSTOMER");
        String policy = manager.get("/console/credit-policy?lang=en");
        assertThat(policy).contains("Creditflow default policy").contains("KO_UNDERAGE");
        String simulation = manager.post("/console/credit-policy/simulate",
                "checks=10&document=" + URLEncoder.encode(extractTextarea(policy), StandardCharsets.UTF_8));
        assertThat(simulation).contains("Replayed 1 checks: 0 would be decided differently");

        Session viewer = login(tenant, tenant.user(Role.VIEWER));
        assertThat(viewer.status("/console/credit-checks")).isEqualTo(200);
        assertThat(viewer.status("/console/credit-policy")).isEqualTo(403);
        assertThat(viewer.status("/console/credit-reviews")).isEqualTo(403);
    }

    private static String extractTextarea(String html) {
        int start = html.indexOf('>', html.indexOf("<textarea id=\"document\"")) + 1;
        String escaped = html.substring(start, html.indexOf("</textarea>", start));
        return escaped.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private Session login(TestTenant tenant, String username) throws Exception {
        Session s = new Session(tenant.baseUrl());
        String page = s.get("/login");
        s.post("/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + TestTenants.PASSWORD + "&_csrf=" + csrf(page));
        return s;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher meta = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(meta.find()).as("CSRF token on the page").isTrue();
        return meta.group(1);
    }

    private static final class Session {
        private final String base;
        private final HttpClient client;
        private String lastPage = "";

        Session(String base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
            lastPage = r.body();
            return r.body();
        }

        int status(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        String post(String path, String form) throws Exception {
            String token = lastPage.isEmpty() ? "" : csrf(lastPage);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(form.contains("_csrf=") ? form
                            : form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(200);
            return r.body();
        }
    }
}
