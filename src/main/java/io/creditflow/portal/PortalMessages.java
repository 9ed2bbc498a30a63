package io.creditflow.portal;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PORTAL_MESSAGE;

/**
 * The thread between a debtor and the tenant: the debtor writes from the portal, the tenant answers from the
 * console's portal inbox. Bodies are free text about a person, stored encrypted under the debtor's key; reading a
 * thread is an audited read of personal data.
 */
@Component
public class PortalMessages {

    public static final int MAX_LENGTH = 4000;
    static final String PLACE = "portal/message/";

    public record Message(UUID id, UUID debtorId, String sender, @Nullable String author, String body,
                          OffsetDateTime createdAt, @Nullable OffsetDateTime readAt) {
        public boolean fromDebtor() {
            return sender.equals("DEBTOR");
        }
    }

    /** A debtor's thread in the inbox: how many of their messages are unanswered and since when. */
    public record Thread(UUID debtorId, int unread, OffsetDateTime latest) {
    }

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final AuditLog audit;

    PortalMessages(DSLContext dsl, PersonalDataVault vault, AuditLog audit) {
        this.dsl = dsl;
        this.vault = vault;
        this.audit = audit;
    }

    /** A message from the debtor (in the portal). */
    @Transactional
    public UUID fromDebtor(UUID debtorId, String body) {
        return write(debtorId, "DEBTOR", null, body);
    }

    /** The tenant's message or answer (from the console), signed with the user's name. */
    @Transactional
    public UUID fromTenant(UUID debtorId, String body) {
        return write(debtorId, "TENANT", Actor.current().name(), body);
    }

    /**
     * The thread, oldest first; what the reader had not read yet is marked read ({@code reader} DEBTOR marks the
     * tenant's messages, TENANT the debtor's).
     */
    @Transactional
    public List<Message> thread(UUID debtorId, String reader) {
        List<Message> out = dsl.selectFrom(PORTAL_MESSAGE).where(PORTAL_MESSAGE.DEBTOR_ID.eq(debtorId))
                .orderBy(PORTAL_MESSAGE.CREATED_AT, PORTAL_MESSAGE.ID)
                .fetch(r -> new Message(r.getId(), r.getDebtorId(), r.getSender(), r.getAuthor(),
                        vault.decrypt(debtorId, PLACE + r.getId(), r.getBody()).orElse(""), r.getCreatedAt(),
                        r.getReadAt()));
        dsl.update(PORTAL_MESSAGE).set(PORTAL_MESSAGE.READ_AT, DSL.currentOffsetDateTime())
                .where(PORTAL_MESSAGE.DEBTOR_ID.eq(debtorId)).and(PORTAL_MESSAGE.READ_AT.isNull())
                .and(PORTAL_MESSAGE.SENDER.ne(reader)).execute();
        audit.record(AuditEvent.of("portal.messages-read", "debtor", debtorId).subject(debtorId)
                .detail("messages", out.size()));
        return out;
    }

    /** Threads with a message from the debtor, unanswered ones first, then the most recent. */
    public List<Thread> inbox(int limit) {
        var unread = DSL.count().filterWhere(PORTAL_MESSAGE.SENDER.eq("DEBTOR").and(PORTAL_MESSAGE.READ_AT.isNull()));
        var latest = DSL.max(PORTAL_MESSAGE.CREATED_AT);
        return dsl.select(PORTAL_MESSAGE.DEBTOR_ID, unread, latest).from(PORTAL_MESSAGE)
                .groupBy(PORTAL_MESSAGE.DEBTOR_ID).orderBy(unread.gt(0).desc(), latest.desc()).limit(limit)
                .fetch(r -> new Thread(r.value1(), r.value2(), r.value3()));
    }

    private UUID write(UUID debtorId, String sender, @Nullable String author, String body) {
        String text = body.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new ValidationException("The message is not valid.",
                    List.of(new FieldError("message", "between 1 and " + MAX_LENGTH + " characters")));
        }
        UUID id = Ids.newId();
        dsl.insertInto(PORTAL_MESSAGE).set(PORTAL_MESSAGE.TENANT_ID, TenantContext.require())
                .set(PORTAL_MESSAGE.ID, id).set(PORTAL_MESSAGE.DEBTOR_ID, debtorId).set(PORTAL_MESSAGE.SENDER, sender)
                .set(PORTAL_MESSAGE.AUTHOR, author)
                .set(PORTAL_MESSAGE.BODY, vault.encrypt(debtorId, PLACE + id, text)).execute();
        audit.record(AuditEvent.of("portal.message-written", "portal-message", id).subject(debtorId)
                .detail("sender", sender));
        return id;
    }
}
