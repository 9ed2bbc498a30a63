package io.creditflow.payments.links;

import io.creditflow.payments.PaymentProvider;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static io.creditflow.jooq.Tables.SANDBOX_PAYMENT;

/**
 * "Sandbox payments - not a real PSP": a stand-in payment provider for development and the demo. Its checkout page
 * lets a tester pay or fail; its webhooks are signed like a real provider's ({@code Sandbox-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, five minutes' tolerance), so the receiving side is exercised
 * exactly as it would be in production. No money moves.
 */
@Component
public class SandboxPaymentProvider implements PaymentProvider {

    public static final String ID = "sandbox";
    public static final String NAME = "Sandbox payments - not a real PSP";
    static final String SIGNATURE_HEADER = "sandbox-signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String DEVELOPMENT_SECRET = "sandbox-development-secret-change-me";
    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

    private final DSLContext dsl;
    private final JsonMapper json;
    private final Clock clock;
    private final byte[] secret;

    SandboxPaymentProvider(DSLContext dsl, JsonMapper json, Clock clock,
                           @Value("${creditflow.payments.sandbox.webhook-secret:" + DEVELOPMENT_SECRET + "}")
                           String secret) {
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (secret.equals(DEVELOPMENT_SECRET)) {
            log.info("Sandbox payments use the development webhook secret (creditflow.payments.sandbox.webhook-secret)");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return NAME;
    }

    @Override
    public Checkout create(Order order) {
        String id = "sbx_" + Ids.newId().toString().replace("-", "");
        dsl.insertInto(SANDBOX_PAYMENT).set(SANDBOX_PAYMENT.TENANT_ID, TenantContext.require())
                .set(SANDBOX_PAYMENT.ID, id).set(SANDBOX_PAYMENT.AMOUNT, order.amount())
                .set(SANDBOX_PAYMENT.CURRENCY, order.currency()).set(SANDBOX_PAYMENT.DESCRIPTION, order.description())
                .set(SANDBOX_PAYMENT.RETURN_URL, order.returnUrl().toString())
                .set(SANDBOX_PAYMENT.WEBHOOK_URL, order.webhookUrl().toString()).set(SANDBOX_PAYMENT.STATUS, "OPEN")
                .execute();
        String base = order.webhookUrl().toString();
        String root = base.substring(0, base.indexOf("/api/"));
        return new Checkout(id, URI.create(root + "/sandbox-psp/checkout/" + id));
    }

    @Override
    public Notification verify(Map<String, String> headers, byte[] body) {
        String header = headers.get(SIGNATURE_HEADER);
        if (header == null) {
            throw new InvalidWebhook("missing " + SIGNATURE_HEADER + " header");
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                timestamp = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signature = kv[1];
            }
        }
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            throw new InvalidWebhook("malformed signature header");
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            throw new InvalidWebhook("signature timestamp outside the tolerance (replayed or clock skew)");
        }
        byte[] expected = HexFormat.of().formatHex(sign(timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidWebhook("signature does not match");
        }
        try {
            JsonNode node = json.readTree(body);
            return new Notification(node.get("eventId").asString(), node.get("paymentId").asString(),
                    Status.valueOf(node.get("status").asString()), new BigDecimal(node.get("amount").asString()),
                    node.get("currency").asString());
        } catch (RuntimeException e) {
            throw new InvalidWebhook("body is not a sandbox notification");
        }
    }

    /** The header a webhook from the sandbox carries (also used by tests to forge or replay deliveries). */
    public String signatureHeader(long epochSeconds, byte[] body) {
        String t = Long.toString(epochSeconds);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(sign(t, body));
    }

    private byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
