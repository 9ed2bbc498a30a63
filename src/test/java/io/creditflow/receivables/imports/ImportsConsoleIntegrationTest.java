package io.creditflow.receivables.imports;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** The import page as a person uses it: sign in, upload, watch the progress fragment, read the error report. */
@CreditflowTest
class ImportsConsoleIntegrationTest {

    @Autowired
    TestTenants tenants;

    @Test
    void uploadShowsProgressAndTheErrorReport() throws Exception {
        TestTenant tenant = tenants.create();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = tenant.baseUrl();
        String login = get(http, base + "/login").body();
        String form = "username=" + enc(tenant.user(Role.CREDIT_MANAGER)) + "&password=" + enc(TestTenants.PASSWORD)
                + "&_csrf=" + enc(csrf(login, "name=\"_csrf\" value=\"([^\"]+)\""));
        http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> page = get(http, base + "/console/imports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("debtor_external_id,debtor_type,debtor_name").contains("enctype=\"multipart/form-data\"");
        String token = csrf(page.body(), "name=\"_csrf\" content=\"([^\"]+)\"");

        String csv = CsvImportIntegrationTest.HEADER
                + "C-1,CONSUMER,Ria,ria@example.com,,C-INV-1,2026-10-01,2026-10-15,EUR,10.00,\n"
                + "C-1,CONSUMER,Ria,ria@example.com,,C-INV-2,2026-10-01,2026-10-15,EUR,abc,\n";
        String boundary = "----creditflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", token);
        part(body, boundary, "kind", "INVOICES");
        part(body, boundary, "mode", "VALID_ROWS");
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/console/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(302);
        String location = upload.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/console/imports/");
        String id = location.substring(location.lastIndexOf('/') + 1);

        HttpResponse<String> fragment = null;
        for (int i = 0; i < 600; i++) {
            fragment = get(http, base + "/console/imports/" + id + "/progress?wasRunning=true");
            if (fragment.headers().firstValue("HX-Refresh").isPresent()) {
                break;
            }
            assertThat(fragment.body()).contains("hx-trigger=\"every 1s\"").contains("<progress");
            Thread.sleep(100);
        }
        assertThat(fragment.headers().firstValue("HX-Refresh")).contains("true");
        HttpResponse<String> detail = get(http, base + "/console/imports/" + id);
        assertThat(detail.body()).contains("badge PARTIALLY_IMPORTED").contains("not a number").contains("errors.csv")
                .doesNotContain("hx-trigger");
        HttpResponse<String> errors = get(http, base + "/console/imports/" + id + "/errors.csv");
        assertThat(errors.body()).startsWith("line,column,message").contains("3,\"amount\"");
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String value) throws IOException {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String csrf(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertThat(m.find()).as("CSRF token in page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
