package io.creditflow.messaging.sms;

import io.creditflow.messaging.SmsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A generic HTTP SMS gateway: most providers (MessageBird, CM.com, Twilio, Spryng, ...) take a POST with the number
 * and the text. Configured by URL, headers (authentication), content type and a body template with the placeholders
 * {@code {to}}, {@code {from}}, {@code {text}} and {@code {reference}}, escaped for the content type (JSON string or
 * form-urlencoded). A 2xx answer is success; the provider's id is read from the answer by a JSON pointer when given.
 * 4xx answers (except 408 and 429) are permanent failures; everything else is retried.
 */
public final class HttpSmsProvider implements SmsProvider {

    /**
     * @param url           the gateway's endpoint
     * @param contentType   {@code application/json} or {@code application/x-www-form-urlencoded}
     * @param bodyTemplate  the body with placeholders
     * @param headers       extra headers, e.g. {@code Authorization: AccessKey ...}
     * @param idPointer     JSON pointer to the provider's message id in the answer ({@code /id}); blank for none
     */
    public record Settings(URI url, String contentType, String bodyTemplate, Map<String, String> headers,
                           String idPointer, Duration timeout) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final JsonMapper json;

    public HttpSmsProvider(Settings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String name() {
        return "http " + settings.url().getHost();
    }

    @Override
    public String send(String to, String sender, String text, String reference) throws SendFailure {
        String body = body(to, sender, text, reference);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", settings.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        settings.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailure("SMS gateway unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted", false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean permanent = status / 100 == 4 && status != 408 && status != 429;
            throw new SendFailure("SMS gateway answered " + status, permanent);
        }
        return providerId(response.body(), reference);
    }

    String body(String to, String sender, String text, String reference) {
        boolean form = settings.contentType().startsWith("application/x-www-form-urlencoded");
        return settings.bodyTemplate()
                .replace("{to}", escape(to, form)).replace("{from}", escape(sender, form))
                .replace("{text}", escape(text, form)).replace("{reference}", escape(reference, form));
    }

    private String escape(String value, boolean form) {
        if (form) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        String quoted = json.writeValueAsString(value);
        return quoted.substring(1, quoted.length() - 1);
    }

    private String providerId(String answer, String reference) {
        if (settings.idPointer().isBlank() || answer.isBlank()) {
            return reference;
        }
        try {
            JsonNode id = json.readTree(answer).at(settings.idPointer());
            return id.isMissingNode() || id.isNull() ? reference : id.asString();
        } catch (RuntimeException notJson) {
            return reference;
        }
    }
}
