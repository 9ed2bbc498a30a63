package io.creditflow.privacy;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An outbound integration a module is configured to use right now (an SMTP server, an SMS gateway, a payment service
 * provider, a bailiff's API, a credit bureau). Modules declare theirs as beans of {@link Source}; the records of
 * processing match each against the sub-processor registry by service and host, so an integration nobody registered
 * (region and data categories unknown) shows up as such instead of going unnoticed.
 *
 * @param service        MAIL, SMS, PRINT, PAYMENT, BAILIFF, BANK, CREDIT_BUREAU or OTHER
 * @param description    what it is used for
 * @param host           the host it connects to; null when nothing leaves the platform (a development stand-in)
 * @param dataCategories the personal data it receives ("e-mail address", "message content")
 */
public record OutboundIntegration(String service, String description, @Nullable String host,
                                  List<String> dataCategories) {

    public OutboundIntegration {
        dataCategories = List.copyOf(dataCategories);
    }

    /** Whether data actually leaves the platform through it. */
    public boolean external() {
        return host != null;
    }

    /** Implemented by modules that integrate with other companies' services. */
    public interface Source {
        List<OutboundIntegration> outboundIntegrations();
    }
}
