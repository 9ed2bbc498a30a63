package io.creditflow.portal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A debtor's browser without JavaScript: keeps cookies, never follows redirects, sends the CSRF token the last page
 * carried, and comes from its own client address (X-Forwarded-For, honoured from the loopback proxy) so the portal's
 * per-address limits of one test do not spill into another.
 */
final class PortalClient {

    private final String baseUrl;
    private final String clientAddress;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";

    PortalClient(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", clientAddress).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form (pairs of name, value; a name may repeat) with the CSRF token of the last page. */
    HttpResponse<String> post(String path, String... pairs) {
        List<String> fields = new ArrayList<>();
        fields.add("_csrf=" + enc(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.stream().collect(Collectors.joining("&")))));
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.header("X-Forwarded-For", clientAddress).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        // links carry the configured base URL; the test server listens on a random port
        return URI.create(baseUrl + (path.startsWith("http") ? URI.create(path).getRawPath() : path));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
