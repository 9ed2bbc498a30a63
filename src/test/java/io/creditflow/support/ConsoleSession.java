package io.creditflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like console session over real HTTP: cookies, the CSRF token of the last page, form posts. Signs in the
 * way a person does (GET /login, POST the form with its CSRF token).
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"|"
            + "<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public ConsoleSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in; returns where the login redirected to (e.g. /console/home, or /login?error). */
    public String login(String username, String password) {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("username", username, "password", password));
        return response.headers().firstValue("Location").orElse("");
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return response;
    }

    /** A GET with extra request headers (say X-Forwarded-Proto, as a TLS-terminating proxy sends it). */
    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).headers(headers).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return postWithToken(path, form, csrf);
    }

    public HttpResponse<String> postWithToken(String path, Map<String, String> form, String token) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        if (token != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(token);
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
