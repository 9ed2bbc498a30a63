package io.creditflow.messaging;

import io.creditflow.messaging.outbox.MessageContent;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.creditflow.jooq.Tables.CONSOLE_MAILBOX;
import static io.creditflow.jooq.Tables.OUTBOX_ATTACHMENT;
import static io.creditflow.jooq.Tables.OUTBOX_DOCUMENT;
import static io.creditflow.jooq.Tables.OUTBOX_MESSAGE;

/**
 * Messages sent to (or queued for) the person: e-mail, SMS, letters and webhooks about them, with their content and
 * the rendered letter PDFs. On erasure queued messages are cancelled and everything else is deleted (content,
 * attachments, letter PDFs, mailbox copies); a print batch keeps only its manifest (message ids, page counts,
 * countries), and rebuilding its PDF leaves erased letters out. Under a legal hold the sent messages and letters stay
 * as evidence of the reminders the claim relies on.
 */
@Component
class MessagePersonalData implements PersonalDataContributor {

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final JsonMapper json;

    MessagePersonalData(DSLContext dsl, PersonalDataVault vault, JsonMapper json) {
        this.dsl = dsl;
        this.vault = vault;
        this.json = json;
    }

    @Override
    public String section() {
        return "messaging.messages";
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Reminders and letters", "Collecting payment: reminding debtors by e-mail, SMS "
                + "and post", "Debtors of the controller", List.of("e-mail address", "phone number", "postal address",
                "message content", "letter PDFs"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        var rows = dsl.selectFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.SUBJECT_ID.eq(subject.debtorId()))
                .orderBy(OUTBOX_MESSAGE.CREATED_AT, OUTBOX_MESSAGE.ID).fetch();
        for (var r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.getId().toString());
            m.put("channel", r.getChannel());
            m.put("status", r.getStatus());
            m.put("origin", r.getOrigin());
            m.put("createdAt", r.getCreatedAt().toString());
            m.put("sentAt", r.getSentAt() == null ? null : r.getSentAt().toString());
            m.put("deliveredAt", r.getDeliveredAt() == null ? null : r.getDeliveredAt().toString());
            vault.decrypt(subject.debtorId(), Outbox.CONTENT_PLACE + "/" + r.getId(), r.getContent())
                    .map(s -> json.readValue(s, MessageContent.class)).ifPresent(c -> {
                        m.put("recipient", c.recipient());
                        m.put("address", c.address() == null ? null : String.join(", ", c.address().lines("NL")));
                        m.put("subject", c.subject());
                        m.put("text", c.text());
                    });
            m.put("attachments", dsl.select(OUTBOX_ATTACHMENT.FILENAME).from(OUTBOX_ATTACHMENT)
                    .where(OUTBOX_ATTACHMENT.MESSAGE_ID.eq(r.getId())).orderBy(OUTBOX_ATTACHMENT.SEQ)
                    .fetch(OUTBOX_ATTACHMENT.FILENAME));
            m.put("letterPdf", dsl.fetchExists(OUTBOX_DOCUMENT, OUTBOX_DOCUMENT.MESSAGE_ID.eq(r.getId())));
            records.add(m);
        }
        return new ExportSection(section(), "Messages sent to you",
                "Reminding you of payments due (collecting payment)", "Composed by the controller's reminder flows",
                List.of("MAIL", "SMS", "PRINT"), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var mine = OUTBOX_MESSAGE.SUBJECT_ID.eq(subject.debtorId());
        var report = ErasureReport.of(section());
        int queued = dsl.deleteFrom(OUTBOX_MESSAGE).where(mine).and(OUTBOX_MESSAGE.STATUS.eq("QUEUED")).execute();
        report.deleted("queued messages, cancelled before sending", queued);
        if (scope.legalHold()) {
            int kept = dsl.update(OUTBOX_MESSAGE).setNull(OUTBOX_MESSAGE.LAST_ERROR).where(mine).execute();
            return report.kept("messages sent and letters (content and PDFs, encrypted): evidence of the reminders "
                    + "the claim relies on", kept, "GDPR art. 17(3)(e): defence of a legal claim", null).build();
        }
        int documents = dsl.fetchCount(OUTBOX_DOCUMENT, OUTBOX_DOCUMENT.MESSAGE_ID.in(
                dsl.select(OUTBOX_MESSAGE.ID).from(OUTBOX_MESSAGE).where(mine)));
        int mailbox = dsl.deleteFrom(CONSOLE_MAILBOX).where(CONSOLE_MAILBOX.SUBJECT_ID.eq(subject.debtorId()))
                .execute();
        int messages = dsl.deleteFrom(OUTBOX_MESSAGE).where(mine).execute();
        return report.deleted("messages sent (recipient, content, attachments)", messages)
                .deleted("rendered letter PDFs", documents)
                .deleted("console mailbox copies of e-mails", mailbox).build();
    }
}
