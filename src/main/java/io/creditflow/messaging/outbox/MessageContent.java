package io.creditflow.messaging.outbox;

import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.PostalAddress;
import org.jspecify.annotations.Nullable;

/** The personal part of a message, stored as one encrypted JSON document. */
public record MessageContent(@Nullable String recipient, @Nullable PostalAddress address, String subject,
                             @Nullable String html, String text, OutboundMessage.@Nullable Letterhead letterhead,
                             boolean asLetterPdf, @Nullable String secret) {

    public static MessageContent of(OutboundMessage m) {
        return new MessageContent(m.recipient(), m.address(), m.subject(), m.html(), m.text(), m.letterhead(),
                m.asLetterPdf(), m.secret());
    }
}
