package io.creditflow.demo.bench;

import io.creditflow.platform.TenantScope;
import io.creditflow.tenancy.ApiKeys;
import io.creditflow.tenancy.ConsoleUsers;
import io.creditflow.tenancy.Role;
import org.jooq.DSLContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debtor search (API and console) and the debtor page over HTTP on 127.0.0.1, one request at a time: warm-up, then a
 * fixed number of requests per scenario; prints p50, p95, p99 and max.
 */
final class HttpLatency {

    private final ConfigurableApplicationContext ctx;
    private final UUID tenant;
    private final int requests;
    private final String base;

    HttpLatency(ConfigurableApplicationContext ctx, UUID tenant, int requests) {
        this.ctx = ctx;
        this.tenant = tenant;
        this.requests = requests;
        this.base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
    }

    void run() throws Exception {
        TenantScope scope = ctx.getBean(TenantScope.class);
        String key = scope.inTenant(tenant, () -> ctx.getBean(ApiKeys.class).issue("bench", ApiKeys.allTenantScopes(),
                "bench").key());
        ctx.getBean(ConsoleUsers.class).create(tenant, "bench@bench.test", "Bench", "bench-password-123",
                Set.of(Role.CREDIT_MANAGER));
        List<String> sample = scope.inTenant(tenant, () -> ctx.getBean(DSLContext.class).fetch("""
                select d.id::text, d.external_id from debtor d
                 where d.id in (select debtor_id from invoice group by debtor_id order by count(*) desc limit 1)
                union all (select id::text, external_id from debtor order by created_at limit 1)""")
                .map(r -> r.get(0, String.class)));
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        login(http);
        System.out.printf(Locale.ROOT, "%nHTTP, %d requests each after 30 warm-up (ms):%n", requests);
        measure(http, "API debtor search by name word", "/api/v1/debtors?q=Jansen", key);
        String debtor = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/debtors/" + sample.getFirst()))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
        measure(http, "API debtor search by e-mail", "/api/v1/debtors?q=" + enc(field(debtor, "email")), key);
        measure(http, "API debtor search by IBAN", "/api/v1/debtors?q=" + enc(field(debtor, "iban")), key);
        measure(http, "API debtor search by external id", "/api/v1/debtors?q=" + enc(field(debtor, "externalId")), key);
        measure(http, "console debtor search by name word", "/console/debtors?q=Jansen", null);
        for (String id : sample) {
            measure(http, "console debtor page " + id.substring(0, 8), "/console/debtors/" + id, null);
        }
    }

    private void login(HttpClient http) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc("bench@bench.test") + "&password=" + enc("bench-password-123") + "&_csrf="
                + enc(m.group(1));
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private void measure(HttpClient http, String name, String path, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest request = b.GET().build();
        for (int i = 0; i < 30; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofString()), path);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            check(http.send(request, HttpResponse.BodyHandlers.ofString()), path);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  %-44s p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f%n", name, ms(nanos, 0.50),
                ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : "none";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
