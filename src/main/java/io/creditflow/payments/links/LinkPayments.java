package io.creditflow.payments.links;

import io.creditflow.payments.PaymentProvider;
import io.creditflow.payments.PaymentReceived;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.reconciliation.PaymentApplication;
import io.creditflow.payments.reconciliation.PaymentSettingsStore;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PAYMENT_LINK;
import static io.creditflow.jooq.Tables.PAYMENT_LINK_INVOICE;
import static io.creditflow.jooq.Tables.PAYMENT_WEBHOOK_EVENT;
import static io.creditflow.jooq.Tables.PROVIDER_PAYMENT;

/**
 * The debtor's side of a payment link (the public page and the checkout) and the provider's webhook. Neither knows the
 * tenant up front: the link's token and the provider's payment id are looked up through security-definer functions,
 * then everything runs inside that tenant. A webhook acts once per event id and applies a payment once per link; money
 * that arrives for a link already paid becomes credit on the debtor's account.
 */
@Component
public class LinkPayments {

    /** What the public page shows: no personal data, only the creditor, invoice numbers and amounts. */
    public record PublicView(String creditor, String status, List<Line> invoices, BigDecimal open, String currency,
                             String provider) {
        public record Line(String number, LocalDate dueDate, BigDecimal open) {
        }
    }

    /** What a webhook delivery did. */
    public enum WebhookOutcome { APPLIED, RECORDED, DUPLICATE }

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final Tenants tenants;
    private final Map<String, PaymentProvider> providers;
    private final PaymentApplication application;
    private final PaymentSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String providerId;

    LinkPayments(DSLContext dsl, TenantScope tenantScope, Tenants tenants, List<PaymentProvider> providers,
                 PaymentApplication application, PaymentSettingsStore settings, ApplicationEventPublisher events,
                 Clock clock, @Value("${creditflow.payments.provider:" + SandboxPaymentProvider.ID + "}") String providerId) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.tenants = tenants;
        this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::id, Function.identity()));
        this.application = application;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.providerId = providerId;
    }

    public Optional<UUID> tenantOfToken(String token) {
        return Optional.ofNullable(dsl.resultQuery("select payment_link_tenant({0})", token).fetchOne(0, UUID.class));
    }

    public PublicView view(String token) {
        UUID tenant = tenantOfToken(token).orElseThrow(() -> new NotFoundException("Payment link", "token"));
        return tenantScope.inTenant(tenant, () -> {
            var link = link(token);
            List<PublicView.Line> lines = dsl.select(INVOICE.NUMBER, INVOICE.DUE_DATE, INVOICE.OPEN_PRINCIPAL
                            .plus(INVOICE.OPEN_COSTS).plus(INVOICE.OPEN_INTEREST)).from(PAYMENT_LINK_INVOICE)
                    .join(INVOICE).on(INVOICE.TENANT_ID.eq(PAYMENT_LINK_INVOICE.TENANT_ID)
                            .and(INVOICE.ID.eq(PAYMENT_LINK_INVOICE.INVOICE_ID)))
                    .where(PAYMENT_LINK_INVOICE.LINK_ID.eq(link.getId())).orderBy(PAYMENT_LINK_INVOICE.POSITION)
                    .fetch(r -> new PublicView.Line(r.value1(), r.value2(), r.value3()));
            BigDecimal open = lines.stream().map(PublicView.Line::open).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (link.getFixedAmount()) {
                // an instalment's link: its amount, spread over the plan's invoices (less if less is open)
                open = open.min(link.getAmount());
            }
            String status = expired(link) ? "EXPIRED" : link.getStatus().equals("OPEN") && open.signum() == 0
                    ? "PAID" : link.getStatus();
            return new PublicView(tenants.find(tenant).name(), status, lines, open, link.getCurrency(),
                    provider().displayName());
        });
    }

    /** Starts a payment at the provider for what is open now; returns where to send the debtor. */
    public URI start(String token, URI root) {
        UUID tenant = tenantOfToken(token).orElseThrow(() -> new NotFoundException("Payment link", "token"));
        return tenantScope.inTenant(tenant, () -> {
            var link = dsl.selectFrom(PAYMENT_LINK).where(PAYMENT_LINK.TOKEN.eq(token)).forUpdate().fetchSingle();
            PublicView view = view(token);
            if (!view.status().equals("OPEN") || view.open().signum() <= 0) {
                throw new BusinessRuleException("link-not-payable", "This link is " + view.status().toLowerCase() + ".");
            }
            PaymentProvider provider = provider();
            String description = "Invoices " + String.join(", ", view.invoices().stream().map(PublicView.Line::number)
                    .toList());
            var checkout = provider.create(new PaymentProvider.Order(tenant, link.getId(), view.open(),
                    link.getCurrency(), description.length() > 140 ? description.substring(0, 140) : description,
                    URI.create(root + "/pay/" + token), URI.create(root + "/api/v1/payment-links/webhooks/"
                    + provider.id())));
            dsl.insertInto(PROVIDER_PAYMENT).set(PROVIDER_PAYMENT.TENANT_ID, tenant).set(PROVIDER_PAYMENT.ID, Ids.newId())
                    .set(PROVIDER_PAYMENT.LINK_ID, link.getId()).set(PROVIDER_PAYMENT.PROVIDER, provider.id())
                    .set(PROVIDER_PAYMENT.PROVIDER_PAYMENT_ID, checkout.providerPaymentId())
                    .set(PROVIDER_PAYMENT.AMOUNT, view.open()).set(PROVIDER_PAYMENT.STATUS, "OPEN").execute();
            return checkout.checkoutUrl();
        });
    }

    /**
     * A provider's webhook: verified by the provider (an invalid one throws and changes nothing), then acted on once.
     */
    public WebhookOutcome webhook(String provider, Map<String, String> headers, byte[] body) {
        PaymentProvider psp = providers.get(provider);
        if (psp == null) {
            throw new NotFoundException("Payment provider", provider);
        }
        PaymentProvider.Notification notification = psp.verify(headers, body);
        UUID tenant = Optional.ofNullable(dsl.resultQuery("select provider_payment_tenant({0}, {1})", provider,
                        notification.providerPaymentId()).fetchOne(0, UUID.class))
                .orElseThrow(() -> new NotFoundException("Provider payment", notification.providerPaymentId()));
        return tenantScope.inTenant(tenant, () -> act(provider, notification));
    }

    private WebhookOutcome act(String provider, PaymentProvider.Notification n) {
        int fresh = dsl.insertInto(PAYMENT_WEBHOOK_EVENT).set(PAYMENT_WEBHOOK_EVENT.TENANT_ID, TenantContext.require())
                .set(PAYMENT_WEBHOOK_EVENT.PROVIDER, provider).set(PAYMENT_WEBHOOK_EVENT.EVENT_ID, n.eventId())
                .onConflictDoNothing().execute();
        if (fresh == 0) {
            return WebhookOutcome.DUPLICATE;
        }
        var payment = dsl.selectFrom(PROVIDER_PAYMENT).where(PROVIDER_PAYMENT.PROVIDER.eq(provider))
                .and(PROVIDER_PAYMENT.PROVIDER_PAYMENT_ID.eq(n.providerPaymentId())).forUpdate().fetchSingle();
        boolean newlyPaid = n.status() == PaymentProvider.Status.PAID && !"PAID".equals(payment.getStatus());
        dsl.update(PROVIDER_PAYMENT).set(PROVIDER_PAYMENT.STATUS, n.status().name())
                .set(PROVIDER_PAYMENT.UPDATED_AT, DSL.currentOffsetDateTime()).where(PROVIDER_PAYMENT.ID.eq(payment.getId()))
                .execute();
        if (!newlyPaid) {
            return WebhookOutcome.RECORDED;
        }
        if (n.amount().compareTo(payment.getAmount()) != 0 || !n.currency().equals("EUR")) {
            throw new PaymentProvider.InvalidWebhook("amount " + n.amount() + " differs from the payment's "
                    + payment.getAmount());
        }
        applyToLink(payment.getLinkId(), n);
        return WebhookOutcome.APPLIED;
    }

    private void applyToLink(UUID linkId, PaymentProvider.Notification n) {
        var link = dsl.selectFrom(PAYMENT_LINK).where(PAYMENT_LINK.ID.eq(linkId)).forUpdate().fetchSingle();
        List<UUID> invoices = dsl.select(PAYMENT_LINK_INVOICE.INVOICE_ID).from(PAYMENT_LINK_INVOICE)
                .where(PAYMENT_LINK_INVOICE.LINK_ID.eq(linkId)).orderBy(PAYMENT_LINK_INVOICE.POSITION)
                .fetch(PAYMENT_LINK_INVOICE.INVOICE_ID);
        PaymentSettings current = settings.current();
        var request = new PaymentApplication.Request(link.getDebtorId(), invoices, n.amount(), n.currency(),
                LocalDate.now(clock), PaymentApplication.Source.LINK, linkId, "link:" + n.providerPaymentId(), false,
                "paid online");
        PaymentApplication.Applied applied = link.getStatus().equals("OPEN")
                ? application.apply(request, current).orElseGet(() -> application.credit(request))
                : application.credit(request);
        dsl.update(PAYMENT_LINK).set(PAYMENT_LINK.STATUS, "PAID").set(PAYMENT_LINK.PAID_AT, OffsetDateTime.now(clock))
                .set(PAYMENT_LINK.PAYMENT_ID, applied.paymentId()).where(PAYMENT_LINK.ID.eq(linkId)).execute();
        events.publishEvent(new PaymentReceived(TenantContext.require(), applied.paymentId(), link.getDebtorId(),
                applied.invoiceIds(), "LINK"));
    }

    private io.creditflow.jooq.tables.records.PaymentLinkRecord link(String token) {
        return dsl.selectFrom(PAYMENT_LINK).where(PAYMENT_LINK.TOKEN.eq(token)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Payment link", "token"));
    }

    private boolean expired(io.creditflow.jooq.tables.records.PaymentLinkRecord link) {
        return link.getStatus().equals("OPEN") && link.getExpiresAt().isBefore(OffsetDateTime.now(clock));
    }

    private PaymentProvider provider() {
        PaymentProvider provider = providers.get(providerId);
        if (provider == null) {
            throw new IllegalStateException("No payment provider '" + providerId + "' (creditflow.payments.provider)");
        }
        return provider;
    }

    @Nullable PaymentProvider provider(String id) {
        return providers.get(id);
    }
}
