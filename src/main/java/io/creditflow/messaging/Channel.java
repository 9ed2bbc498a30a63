package io.creditflow.messaging;

/** How a message travels. */
public enum Channel {
    EMAIL, SMS, LETTER, WEBHOOK
}
