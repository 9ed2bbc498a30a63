package io.creditflow.messaging.sms;

import io.creditflow.messaging.SmsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEVELOPMENT ONLY: sends nothing. Used when no SMS provider is configured; it logs that it would have sent (the
 * number masked, never the text: logs must not hold personal data) and reports success, so flows with SMS steps can
 * be tried. The console shows "development log only" as the SMS transport so nobody mistakes it for delivery.
 */
public final class DevelopmentLogOnlySmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentLogOnlySmsProvider.class);

    @Override
    public String name() {
        return "development log only (no SMS is sent)";
    }

    @Override
    public String send(String to, String sender, String text, String reference) {
        log.info("SMS NOT SENT (development provider): message {} to {} ({} characters)", reference, mask(to),
                text.length());
        return "dev-" + reference;
    }

    static String mask(String number) {
        return number.length() <= 4 ? "****" : "*".repeat(number.length() - 2) + number.substring(number.length() - 2);
    }
}
