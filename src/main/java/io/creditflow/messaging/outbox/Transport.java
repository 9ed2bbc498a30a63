package io.creditflow.messaging.outbox;

import io.creditflow.messaging.Channel;
import io.creditflow.messaging.SmsProvider.SendFailure;
import org.jspecify.annotations.Nullable;

/** Hands a message to the outside world (an SMTP server, an SMS provider, a webhook receiver, the console mailbox). */
public interface Transport {

    Channel channel();

    /** A short name for the console ("smtp", "console mailbox"). */
    String name();

    Accepted send(Envelope envelope) throws SendFailure;

    /**
     * @param providerRef  the other side's id (SMTP Message-ID, SMS provider id)
     * @param delivered    the recipient's side already has it (the console mailbox)
     * @param mailboxMime  for the console mailbox: the complete MIME message, stored in the same transaction that
     *                     marks the message sent, so delivery there is exactly once
     */
    record Accepted(String providerRef, boolean delivered, byte @Nullable [] mailboxMime) {
    }
}
