package io.creditflow.collection.webhooks;

import io.creditflow.acceptance.AcceptanceWebhookRequested;
import io.creditflow.collection.CaseClosed;
import io.creditflow.collection.CaseOpened;
import io.creditflow.collection.CaseStageChanged;
import io.creditflow.payments.PaymentReceived;
import io.creditflow.payments.PaymentReversed;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.InvoiceDisputeResolved;
import io.creditflow.receivables.InvoiceDisputed;
import io.creditflow.receivables.InvoiceRegistered;
import io.creditflow.receivables.InvoiceReopened;
import io.creditflow.receivables.InvoiceSettled;
import io.creditflow.receivables.InvoicesImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the modules' events into webhook deliveries. Events arrive at least once (the event publication registry),
 * so each gets a stable id derived from its content: a redelivered event is not sent twice. Payloads carry ids,
 * codes and amounts only; free texts (a dispute's reason) stay out, as they may describe a person.
 */
@Component
class WebhookEvents {

    private final WebhookDeliveries deliveries;
    private final TenantScope tenantScope;
    private final java.time.Clock clock;

    WebhookEvents(WebhookDeliveries deliveries, TenantScope tenantScope, java.time.Clock clock) {
        this.deliveries = deliveries;
        this.tenantScope = tenantScope;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InvoiceRegistered e) {
        send(e.tenantId(), "invoice.registered", e, "invoiceId", e.invoiceId(), "debtorId", e.debtorId());
    }

    @ApplicationModuleListener
    void on(InvoiceSettled e) {
        send(e.tenantId(), "invoice.settled", e, "invoiceId", e.invoiceId(), "status", e.status().name());
    }

    @ApplicationModuleListener
    void on(InvoiceDisputed e) {
        send(e.tenantId(), "invoice.disputed", e, "invoiceId", e.invoiceId());
    }

    @ApplicationModuleListener
    void on(InvoiceDisputeResolved e) {
        send(e.tenantId(), "invoice.dispute-resolved", e, "invoiceId", e.invoiceId());
    }

    @ApplicationModuleListener
    void on(InvoiceReopened e) {
        send(e.tenantId(), "invoice.reopened", e, "invoiceId", e.invoiceId());
    }

    @ApplicationModuleListener
    void on(InvoicesImported e) {
        send(e.tenantId(), "invoices.imported", e, "importId", e.importId(), "invoices", e.invoices(),
                "debtors", e.debtors());
    }

    @ApplicationModuleListener
    void on(PaymentReceived e) {
        send(e.tenantId(), "payment.received", e, "paymentId", e.paymentId(), "debtorId", e.debtorId(),
                "invoiceIds", e.invoiceIds(), "source", e.source());
    }

    @ApplicationModuleListener
    void on(PaymentReversed e) {
        send(e.tenantId(), "payment.reversed", e, "paymentId", e.paymentId(), "debtorId", e.debtorId(),
                "invoiceIds", e.invoiceIds());
    }

    @ApplicationModuleListener
    void on(CaseOpened e) {
        send(e.tenantId(), "case.opened", e, "caseId", e.caseId(), "debtorId", e.debtorId(),
                "invoiceIds", e.invoiceIds());
    }

    @ApplicationModuleListener
    void on(CaseStageChanged e) {
        send(e.tenantId(), "case.stage-changed", e, "caseId", e.caseId(), "debtorId", e.debtorId(),
                "from", e.from().name(), "to", e.to().name(), "trigger", e.trigger());
    }

    @ApplicationModuleListener
    void on(CaseClosed e) {
        send(e.tenantId(), "case.closed", e, "caseId", e.caseId(), "debtorId", e.debtorId(), "reason", e.reason());
    }

    /** Acceptance asks for its webhooks through a module event (its {@code WebhookSender} default). */
    @ApplicationModuleListener
    void on(AcceptanceWebhookRequested e) {
        if (WebhookEndpoints.EVENT_TYPES.contains(e.eventType())) {
            tenantScope.inTenant(e.tenantId(), () -> deliveries.deliver(e.eventType(), id(e.eventType(), e),
                    new LinkedHashMap<>(e.payload())));
        }
    }

    private void send(UUID tenant, String type, Record event, Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            data.put((String) pairs[i], v instanceof java.util.List<?> l ? l.stream().map(String::valueOf).toList()
                    : v instanceof UUID ? v.toString() : v);
        }
        tenantScope.inTenant(tenant, () -> deliveries.deliver(type, id(type, event), data));
    }

    /**
     * The same event delivered again on the same day has the same id; the day is part of it so that a fact that
     * recurs (an invoice settled, reopened and settled again on a later day) is not taken for a repeat.
     */
    private String id(String type, Object event) {
        return type + ":" + UUID.nameUUIDFromBytes((type + "|" + event + "|" + java.time.LocalDate.now(clock))
                .getBytes(StandardCharsets.UTF_8));
    }
}
