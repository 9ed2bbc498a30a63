package io.creditflow.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A transport accepted the message (for a letter: its print batch was closed and handed to the carrier). Published in
 * the transaction that records it, so a synchronous listener's work commits atomically with the SENT state (dunning
 * stores its letter evidence this way); asynchronous listeners get it after commit.
 */
public record MessageSent(UUID tenantId, UUID messageId, Channel channel, String origin, String originRef,
                          UUID subjectId, Instant sentAt) {
}
