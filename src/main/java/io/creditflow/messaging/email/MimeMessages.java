package io.creditflow.messaging.email;

import io.creditflow.messaging.Attachment;
import io.creditflow.messaging.outbox.Envelope;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Builds the MIME message of an outbox e-mail: multipart/alternative (text and HTML) with attachments, From the
 * platform's sender address with the creditor's name, and a Message-ID derived from the outbox id, so that a message
 * sent twice after a crash carries the same Message-ID and the receiving side can tell it is one message.
 */
public final class MimeMessages {

    private final String fromAddress;
    private final String domain;

    public MimeMessages(String fromAddress) {
        this.fromAddress = fromAddress;
        this.domain = fromAddress.contains("@") ? fromAddress.substring(fromAddress.indexOf('@') + 1) : "creditflow";
    }

    public static String messageId(Envelope e, String domain) {
        return "<" + e.id() + "." + e.tenantId().toString().substring(0, 8) + "@" + domain + ">";
    }

    public MimeMessage build(Session session, Envelope e, String fromName) throws MessagingException {
        String id = messageId(e, domain);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        try {
            helper.setFrom(new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        helper.setTo(e.content().recipient());
        helper.setSubject(e.content().subject());
        helper.setSentDate(new Date());
        String html = e.content().html();
        if (html == null) {
            helper.setText(e.content().text(), false);
        } else {
            helper.setText(e.content().text(), html);
        }
        for (Attachment a : e.attachments()) {
            helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
        }
        message.setHeader("X-Creditflow-Message", e.id().toString());
        message.saveChanges();
        return message;
    }

    public static byte[] bytes(MimeMessage message) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException ex) {
            throw new IllegalStateException("cannot write MIME message", ex);
        }
    }

    public static Session plainSession() {
        return Session.getInstance(new Properties());
    }

    public String domain() {
        return domain;
    }
}
