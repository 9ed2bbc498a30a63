package io.creditflow.messaging;

import io.creditflow.messaging.outbox.WebhookTransport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * The webhook signature scheme of {@link WebhookTransport}, for modules that sign or verify outside the outbox (an
 * agency's signed callbacks): {@code X-Creditflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 * One implementation, so what Creditflow sends and what it accepts cannot drift apart.
 */
public final class WebhookSignatures {

    public static final String HEADER = "X-Creditflow-Signature";

    private WebhookSignatures() {
    }

    /** The header value for a body signed at {@code at}. */
    public static String header(String secret, Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + WebhookTransport.sign(secret, t + "." + body);
    }

    /**
     * Whether the header carries a valid signature of the body, made no more than {@code tolerance} from {@code now}
     * (replayed old requests fail). Compares in constant time.
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        String expected = WebhookTransport.sign(secret, t + "." + body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII));
    }
}
