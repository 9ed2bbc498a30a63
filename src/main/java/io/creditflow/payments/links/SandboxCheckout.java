package io.creditflow.payments.links;

import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantScope;
import io.creditflow.jooq.tables.records.SandboxPaymentRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.SANDBOX_PAYMENT;

/**
 * The sandbox provider's own side: its checkout page, where a tester pays or fails, and the signed webhook it then
 * sends to Creditflow's webhook endpoint over HTTP, as a real provider would.
 */
@Component
public class SandboxCheckout {

    private static final Logger log = LoggerFactory.getLogger(SandboxCheckout.class);

    public record Checkout(String id, String status, java.math.BigDecimal amount, String currency,
                           String description, String returnUrl) {
    }

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final SandboxPaymentProvider provider;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient http = RestClient.builder().defaultStatusHandler(status -> true, (req, res) -> { })
            .build();

    SandboxCheckout(DSLContext dsl, TenantScope tenantScope, SandboxPaymentProvider provider, JsonMapper json,
                    Clock clock) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.provider = provider;
        this.json = json;
        this.clock = clock;
    }

    public Checkout get(String id) {
        return tenantScope.inTenant(tenant(id), () -> toCheckout(load(id)));
    }

    /**
     * The tester's choice: marks the sandbox payment paid or failed (once), sends the signed webhook and returns where
     * the debtor goes next. Whether the webhook was accepted is logged; a real provider would retry.
     */
    public URI decide(String id, boolean pay) {
        UUID tenant = tenant(id);
        SandboxPaymentRecord payment = tenantScope.inTenant(tenant, () -> {
            dsl.update(SANDBOX_PAYMENT).set(SANDBOX_PAYMENT.STATUS, pay ? "PAID" : "FAILED")
                    .set(SANDBOX_PAYMENT.DECIDED_AT, DSL.currentOffsetDateTime())
                    .where(SANDBOX_PAYMENT.ID.eq(id)).and(SANDBOX_PAYMENT.STATUS.eq("OPEN")).execute();
            return load(id);
        });
        Map<String, String> body = new LinkedHashMap<>();
        body.put("eventId", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        body.put("paymentId", id);
        body.put("status", payment.getStatus());
        body.put("amount", payment.getAmount().toPlainString());
        body.put("currency", payment.getCurrency());
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        var response = http.post().uri(payment.getWebhookUrl()).contentType(MediaType.APPLICATION_JSON)
                .header("Sandbox-Signature", provider.signatureHeader(clock.instant().getEpochSecond(), bytes))
                .body(bytes).retrieve().toBodilessEntity();
        if (!response.getStatusCode().is2xxSuccessful()) {
            log.warn("Sandbox webhook for {} was answered {}", id, response.getStatusCode().value());
        }
        return URI.create(payment.getReturnUrl());
    }

    private UUID tenant(String id) {
        UUID tenant = dsl.resultQuery("select sandbox_payment_tenant({0})", id).fetchOne(0, UUID.class);
        if (tenant == null) {
            throw new NotFoundException("Sandbox payment", id);
        }
        return tenant;
    }

    private SandboxPaymentRecord load(String id) {
        return dsl.selectFrom(SANDBOX_PAYMENT).where(SANDBOX_PAYMENT.ID.eq(id)).fetchSingle();
    }

    private static Checkout toCheckout(SandboxPaymentRecord r) {
        return new Checkout(r.getId(), r.getStatus(), r.getAmount(), r.getCurrency(), r.getDescription(),
                r.getReturnUrl());
    }
}
