package io.creditflow.payments;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * A payment service provider for payment links (iDEAL, cards, ...). Implement it for a real provider (Mollie, Adyen,
 * Stripe) as a bean; Creditflow ships only {@code sandbox}, which moves no money. A provider creates a payment and
 * sends back its result by webhook, whose signature it checks itself: a webhook that fails the check changes nothing.
 */
public interface PaymentProvider {

    /** The id used in webhook paths ({@code /api/v1/payment-links/webhooks/<id>}). */
    String id();

    /** What the debtor and the console see; a test provider must say so. */
    String displayName();

    /** Creates a payment at the provider; the debtor is sent to {@link Checkout#checkoutUrl()}. */
    Checkout create(Order order);

    /**
     * Checks a webhook's authenticity and reads it.
     *
     * @param headers the request headers, names in lower case
     * @throws InvalidWebhook when the signature, its age or the body is wrong
     */
    Notification verify(Map<String, String> headers, byte[] body);

    /** What to charge and where to send the debtor and the result. */
    record Order(UUID tenantId, UUID linkId, BigDecimal amount, String currency, String description, URI returnUrl,
                 URI webhookUrl) {
    }

    record Checkout(String providerPaymentId, URI checkoutUrl) {
    }

    /** A provider's report on one payment; {@code eventId} is unique per delivery, repeated on retries. */
    record Notification(String eventId, String providerPaymentId, Status status, BigDecimal amount, String currency) {
    }

    enum Status { OPEN, PAID, FAILED, CANCELLED, EXPIRED }

    /** A webhook that does not come from the provider, or not in one piece. */
    final class InvalidWebhook extends RuntimeException {
        public InvalidWebhook(String message) {
            super(message);
        }
    }
}
