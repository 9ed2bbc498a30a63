package io.creditflow.messaging;

/**
 * Sends one SMS through another company's service. Implementations: a generic HTTP provider (configurable URL,
 * authentication and body) and, when none is configured, a development provider that only logs that it would send.
 */
public interface SmsProvider {

    /** A short name shown in the console ("http", "development log only"). */
    String name();

    /**
     * @param to        E.164 number
     * @param reference the outbox message id, for delivery reports
     * @return the provider's id for the message
     * @throws SendFailure when it was not sent (permanent or worth retrying)
     */
    String send(String to, String sender, String text, String reference) throws SendFailure;

    /** Why a transport did not take a message. */
    class SendFailure extends Exception {
        private final boolean permanent;

        public SendFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public SendFailure(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
