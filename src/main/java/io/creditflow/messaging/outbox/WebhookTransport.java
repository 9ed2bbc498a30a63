package io.creditflow.messaging.outbox;

import io.creditflow.messaging.Channel;
import io.creditflow.messaging.SmsProvider.SendFailure;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Webhooks: a signed HTTP POST of the JSON payload. Headers: {@code X-Creditflow-Event} (the event type),
 * {@code X-Creditflow-Delivery} (the outbox id: the same on every retry, so receivers can ignore repeats) and
 * {@code X-Creditflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the endpoint's secret>}
 * (the Stripe scheme: receivers check the HMAC and that t is recent). Addresses in private networks are refused
 * unless allowed, so a tenant cannot make the platform call into its own infrastructure.
 */
public final class WebhookTransport implements Transport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;
    private final boolean allowPrivateAddresses;

    public WebhookTransport(Clock clock, boolean allowPrivateAddresses) {
        this.clock = clock;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public String name() {
        return "https webhook";
    }

    @Override
    public Accepted send(Envelope e) throws SendFailure {
        URI url = URI.create(String.valueOf(e.content().recipient()));
        checkAddress(url);
        String body = e.content().text();
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-Creditflow-Event", e.content().subject())
                .header("X-Creditflow-Delivery", e.id().toString())
                .header("X-Creditflow-Signature", "t=" + t + ",v1=" + sign(String.valueOf(e.content().secret()),
                        t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status / 100 != 2) {
                throw new SendFailure("webhook answered " + status,
                        status / 100 == 4 && status != 408 && status != 429);
            }
            return new Accepted(e.id().toString(), false, null);
        } catch (IOException ex) {
            throw new SendFailure("webhook unreachable: " + ex.getMessage(), false, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted", false, ex);
        }
    }

    public static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void checkAddress(URI url) throws SendFailure {
        if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && allowPrivateAddresses)) {
            throw new SendFailure("webhook URLs must use https", true);
        }
        if (allowPrivateAddresses) {
            return;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
                    throw new SendFailure("webhook host " + url.getHost() + " is in a private network", true);
                }
            }
        } catch (UnknownHostException ex) {
            throw new SendFailure("unknown webhook host " + url.getHost(), false, ex);
        }
    }
}
