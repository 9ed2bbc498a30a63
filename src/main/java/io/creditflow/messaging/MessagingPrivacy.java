package io.creditflow.messaging;

import io.creditflow.privacy.OutboundIntegration;
import io.creditflow.privacy.Restrictions;
import io.creditflow.privacy.RetentionCategory;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.creditflow.jooq.Tables.CONSOLE_MAILBOX;
import static io.creditflow.jooq.Tables.OUTBOX_MESSAGE;

/**
 * Messaging's part in the privacy promises: nobody restricted is contacted (the outbox and print batches ask the
 * privacy module), old messages expire, and the services e-mail and SMS go through are declared for the records of
 * processing.
 */
@Configuration(proxyBeanMethods = false)
class MessagingPrivacy {

    /** A restriction of processing (art. 18) stops every message to the person, also one queued before. */
    @Bean
    ContactRestrictions privacyContactRestrictions(Restrictions restrictions) {
        return restrictions::restrictedAmong;
    }

    @Bean
    OutboundIntegration.Source messagingIntegrations(Environment env) {
        return () -> {
            List<OutboundIntegration> list = new ArrayList<>();
            String mailHost = env.getProperty("spring.mail.host");
            list.add(new OutboundIntegration("MAIL", mailHost == null ? "E-mail to debtors (console mailbox: "
                    + "nothing leaves the platform)" : "E-mail to debtors over SMTP", blankToNull(mailHost),
                    List.of("e-mail address", "name", "message content", "letter PDFs")));
            String smsUrl = env.getProperty("creditflow.messaging.sms.http.url", "");
            list.add(new OutboundIntegration("SMS", smsUrl.isBlank() ? "SMS to debtors (development provider: "
                    + "logs only, nothing is sent)" : "SMS to debtors over the HTTP gateway",
                    smsUrl.isBlank() ? null : URI.create(smsUrl).getHost(),
                    List.of("phone number", "message content")));
            return list;
        };
    }

    /** Sent messages go after the period, unless a legal hold keeps the person's messages as evidence. */
    @Bean
    RetentionCategory messagesRetention(DSLContext dsl) {
        return new RetentionCategory() {
            @Override
            public String category() {
                return "messaging.messages";
            }

            @Override
            public String description() {
                return "Messages sent or failed (content, attachments, letter PDFs), counted from their creation";
            }

            @Override
            public int defaultDays() {
                return 2 * 365;
            }

            @Override
            public String ground() {
                return "Proof of reminders sent for as long as a dispute about them is plausible; a claim in "
                        + "collection keeps its own evidence under a legal hold";
            }

            @Override
            public long due(OffsetDateTime cutoff) {
                return dsl.fetchCount(OUTBOX_MESSAGE, expired(cutoff));
            }

            @Override
            public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
                return dsl.deleteFrom(OUTBOX_MESSAGE).where(expired(cutoff)).execute();
            }
        };
    }

    @Bean
    RetentionCategory mailboxRetention(DSLContext dsl) {
        return new RetentionCategory() {
            @Override
            public String category() {
                return "messaging.console-mailbox";
            }

            @Override
            public String description() {
                return "Copies of e-mails delivered to the console mailbox, counted from delivery";
            }

            @Override
            public int defaultDays() {
                return 90;
            }

            @Override
            public String ground() {
                return "The console mailbox is for checking what was sent without an SMTP server, not an archive";
            }

            @Override
            public long due(OffsetDateTime cutoff) {
                return dsl.fetchCount(CONSOLE_MAILBOX, CONSOLE_MAILBOX.RECEIVED_AT.lt(cutoff));
            }

            @Override
            public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
                return dsl.deleteFrom(CONSOLE_MAILBOX).where(CONSOLE_MAILBOX.RECEIVED_AT.lt(cutoff)).execute();
            }
        };
    }

    private static org.jooq.Condition expired(OffsetDateTime cutoff) {
        return OUTBOX_MESSAGE.CREATED_AT.lt(cutoff).and(OUTBOX_MESSAGE.STATUS.ne("QUEUED"))
                .and(DSL.condition("not exists (select 1 from privacy_legal_hold h where h.tenant_id = "
                        + "outbox_message.tenant_id and h.debtor_id = outbox_message.subject_id "
                        + "and h.released_at is null)"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
