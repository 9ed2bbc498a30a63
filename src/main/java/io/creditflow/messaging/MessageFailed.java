package io.creditflow.messaging;

import java.util.UUID;

/** The message will not reach its recipient: FAILED (after the last retry, or permanently) or BOUNCED. */
public record MessageFailed(UUID tenantId, UUID messageId, Channel channel, String origin, String originRef,
                            UUID subjectId, MessageStatus status, String reason) {
}
