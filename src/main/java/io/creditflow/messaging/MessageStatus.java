package io.creditflow.messaging;

/**
 * Where a message is. QUEUED until a transport accepted it (SENT); DELIVERED when the recipient's side confirmed it
 * (an SMS delivery report, the console mailbox); FAILED after the last retry or on a permanent error; BOUNCED when the
 * recipient's side rejected it after acceptance (a bounce, an SMS report of non-delivery).
 */
public enum MessageStatus {
    QUEUED, SENT, DELIVERED, FAILED, BOUNCED;

    public boolean isFinal() {
        return this != QUEUED;
    }
}
