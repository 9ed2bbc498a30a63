package io.creditflow.messaging.email;

import io.creditflow.messaging.Channel;
import io.creditflow.messaging.SmsProvider.SendFailure;
import io.creditflow.messaging.outbox.Envelope;
import io.creditflow.messaging.outbox.Transport;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.function.Function;

/** E-mail through an SMTP server (Spring Mail). Connection problems are retried; a refused recipient is permanent. */
public final class SmtpTransport implements Transport {

    private final JavaMailSenderImpl sender;
    private final MimeMessages mime;
    private final Function<Envelope, String> fromName;

    public SmtpTransport(JavaMailSenderImpl sender, MimeMessages mime, Function<Envelope, String> fromName) {
        this.sender = sender;
        this.mime = mime;
        this.fromName = fromName;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String name() {
        return "smtp " + sender.getHost() + ":" + sender.getPort();
    }

    @Override
    public Accepted send(Envelope envelope) throws SendFailure {
        MimeMessage message;
        try {
            message = mime.build(sender.getSession(), envelope, fromName.apply(envelope));
        } catch (MessagingException e) {
            throw new SendFailure("cannot build the message: " + e.getMessage(), true, e);
        }
        try {
            sender.send(message);
        } catch (MailSendException e) {
            boolean refused = e.getFailedMessages().values().stream()
                    .anyMatch(ex -> ex instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                            && sfe.getInvalidAddresses().length > 0);
            throw new SendFailure("SMTP: " + e.getMessage(), refused, e);
        } catch (MailAuthenticationException e) {
            throw new SendFailure("SMTP authentication failed", false, e);
        } catch (MailException e) {
            throw new SendFailure("SMTP: " + e.getMessage(), false, e);
        }
        return new Accepted(MimeMessages.messageId(envelope, mime.domain()), false, null);
    }
}
