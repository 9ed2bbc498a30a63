package io.creditflow.messaging.email;

import io.creditflow.messaging.Channel;
import io.creditflow.messaging.SmsProvider.SendFailure;
import io.creditflow.messaging.outbox.Envelope;
import io.creditflow.messaging.outbox.Transport;
import jakarta.mail.MessagingException;

import java.util.function.Function;

/**
 * The console mailbox: where e-mail goes when no SMTP server is configured (the demo, development). Not a mock: it
 * builds exactly the MIME message SMTP would carry and stores it (encrypted) in the same transaction that marks the
 * message delivered, for the mail viewer in the console.
 */
public final class ConsoleMailboxTransport implements Transport {

    private final MimeMessages mime;
    private final Function<Envelope, String> fromName;

    public ConsoleMailboxTransport(MimeMessages mime, Function<Envelope, String> fromName) {
        this.mime = mime;
        this.fromName = fromName;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String name() {
        return "console mailbox";
    }

    @Override
    public Accepted send(Envelope envelope) throws SendFailure {
        try {
            byte[] bytes = MimeMessages.bytes(mime.build(MimeMessages.plainSession(), envelope,
                    fromName.apply(envelope)));
            return new Accepted(MimeMessages.messageId(envelope, mime.domain()), true, bytes);
        } catch (MessagingException e) {
            throw new SendFailure("cannot build the message: " + e.getMessage(), true, e);
        }
    }
}
