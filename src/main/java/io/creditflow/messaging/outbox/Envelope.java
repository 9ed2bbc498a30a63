package io.creditflow.messaging.outbox;

import io.creditflow.messaging.Attachment;
import io.creditflow.messaging.Channel;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/** A claimed message, decrypted, on its way to a transport. */
public record Envelope(UUID tenantId, UUID id, Channel channel, UUID subjectId, String origin, String originRef,
                       @Nullable String language, int attempt, MessageContent content, List<Attachment> attachments) {

    public Envelope withAttachment(Attachment extra) {
        List<Attachment> all = new java.util.ArrayList<>(attachments);
        all.add(extra);
        return new Envelope(tenantId, id, channel, subjectId, origin, originRef, language, attempt, content, all);
    }
}
