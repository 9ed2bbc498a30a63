package io.creditflow.messaging.outbox;

import io.creditflow.messaging.Attachment;
import io.creditflow.messaging.Channel;
import io.creditflow.messaging.ContactRestrictions;
import io.creditflow.messaging.MessageFailed;
import io.creditflow.messaging.MessageSent;
import io.creditflow.messaging.MessageStatus;
import io.creditflow.messaging.SmsProvider.SendFailure;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.OUTBOX_ATTACHMENT;

/**
 * Sends what is due, on any number of nodes at once. A batch is claimed in a short transaction
 * ({@code FOR UPDATE SKIP LOCKED}: two nodes never claim the same message) with a lease; the node sends outside any
 * transaction and then records the outcome only if it still holds the claim (a fencing check). A node that dies
 * mid-batch leaves claims that expire after the lease; the messages are then claimed again, none is lost.
 * <p>
 * What "exactly once" means here: a message marked SENT is never sent again, and no two nodes hold one message at the
 * same time. The one window no outbox can close is a crash after the SMTP server (or SMS provider) accepted a message
 * and before the SENT state committed: the message is then sent again after the lease, with the same Message-ID
 * header so the receiving side can tell. The console mailbox closes even that window: its delivery is a row written in
 * the same transaction as the SENT state.
 */
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final String CONTENT_PLACE = "outbox/content";
    static final String ATTACHMENT_PLACE = "outbox/attachment";

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final PersonalDataVault vault;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final ContactRestrictions restrictions;
    private final Map<Channel, Transport> transports = new EnumMap<>(Channel.class);
    private final LetterPdfs letterPdfs;
    private final Backoff backoff;
    private final Duration lease;
    private final int batchSize;
    private final String node;

    public OutboxDispatcher(DSLContext dsl, TenantScope tenantScope, PersonalDataVault vault, JsonMapper json,
                            ApplicationEventPublisher events, ContactRestrictions restrictions,
                            List<Transport> transports, LetterPdfs letterPdfs, Backoff backoff, Duration lease,
                            int batchSize) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.vault = vault;
        this.json = json;
        this.events = events;
        this.restrictions = restrictions;
        transports.forEach(t -> this.transports.put(t.channel(), t));
        this.letterPdfs = letterPdfs;
        this.backoff = backoff;
        this.lease = lease;
        this.batchSize = batchSize;
        this.node = "node-" + Ids.newId().toString().substring(24);
    }

    /** Renders the letter PDF an e-mail carries as attachment (the letters module implements it). */
    public interface LetterPdfs {
        Rendered render(Envelope envelope);

        record Rendered(byte[] pdf, int pages) {
        }
    }

    public String node() {
        return node;
    }

    public String transportName(Channel channel) {
        Transport t = transports.get(channel);
        return t == null ? "none" : t.name();
    }

    /** Sends every message due at {@code now} in every tenant; returns how many were handled. */
    public int dispatchOnce(Instant now) {
        List<UUID> tenants = dsl.resultQuery("select * from outbox_tenants_due({0})",
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).fetch(r -> r.get(0, UUID.class));
        int handled = 0;
        for (UUID tenant : tenants) {
            handled += dispatchTenant(tenant, now);
        }
        return handled;
    }

    private int dispatchTenant(UUID tenant, Instant now) {
        int handled = 0;
        while (true) {
            List<Envelope> claimed = tenantScope.inTenant(tenant, () -> claim(tenant, now));
            if (claimed.isEmpty()) {
                return handled;
            }
            try (TenantScope.Scope ignored = tenantScope.enter(tenant)) {
                Set<UUID> restricted = restrictions.restrictedAmong(claimed.stream().map(Envelope::subjectId).toList());
                for (Envelope envelope : claimed) {
                    deliver(envelope, restricted.contains(envelope.subjectId()), now);
                    handled++;
                }
            }
            if (claimed.size() < batchSize) {
                return handled;
            }
        }
    }

    private List<Envelope> claim(UUID tenant, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        var rows = dsl.resultQuery("""
                update outbox_message m set claimed_by = {0}, claimed_until = {1}, attempts = m.attempts + 1
                  from (select id from outbox_message
                         where status = 'QUEUED' and channel <> 'LETTER' and next_attempt_at <= {2}
                           and (claimed_until is null or claimed_until < {2})
                         order by next_attempt_at limit {3} for update skip locked) due
                 where m.tenant_id = current_tenant() and m.id = due.id
                returning m.id, m.channel, m.subject_id, m.origin, m.origin_ref, m.language, m.attempts, m.content,
                          m.attachments""", node, at.plus(lease), at, batchSize).fetch();
        List<Envelope> envelopes = new ArrayList<>(rows.size());
        for (Record r : rows) {
            envelopes.add(open(tenant, r));
        }
        return envelopes;
    }

    private Envelope open(UUID tenant, Record r) {
        UUID id = r.get("id", UUID.class);
        UUID subject = r.get("subject_id", UUID.class);
        Optional<MessageContent> content = vault.decrypt(subject, CONTENT_PLACE + "/" + id,
                r.get("content", byte[].class)).map(s -> json.readValue(s, MessageContent.class));
        List<Attachment> files = r.get("attachments", Integer.class) == 0 ? List.of()
                : dsl.selectFrom(OUTBOX_ATTACHMENT).where(OUTBOX_ATTACHMENT.MESSAGE_ID.eq(id))
                .orderBy(OUTBOX_ATTACHMENT.SEQ).fetch(a -> new Attachment(a.getFilename(), a.getContentType(),
                        vault.decrypt(subject, ATTACHMENT_PLACE + "/" + id + "/" + a.getSeq(), a.getContent())
                                .map(Base64.getDecoder()::decode).orElse(new byte[0])));
        return new Envelope(tenant, id, Channel.valueOf(r.get("channel", String.class)), subject,
                r.get("origin", String.class), String.valueOf(r.get("origin_ref", String.class)),
                r.get("language", String.class), r.get("attempts", Integer.class),
                content.orElse(null) == null ? erased() : content.get(), files);
    }

    private static MessageContent erased() {
        return new MessageContent(null, null, "", null, "", null, false, null);
    }

    private void deliver(Envelope envelope, boolean restricted, Instant now) {
        if (restricted) {
            fail(envelope, MessageStatus.FAILED, "restricted: the recipient may not be contacted", now);
            return;
        }
        if (envelope.content().recipient() == null) {
            fail(envelope, MessageStatus.FAILED, "erased: the recipient's personal data was erased", now);
            return;
        }
        Transport transport = transports.get(envelope.channel());
        if (transport == null) {
            fail(envelope, MessageStatus.FAILED, "no transport for " + envelope.channel(), now);
            return;
        }
        LetterPdfs.Rendered pdf = null;
        Envelope toSend = envelope;
        try {
            if (envelope.content().asLetterPdf()) {
                pdf = letterPdfs.render(envelope);
                toSend = envelope.withAttachment(Attachment.pdf(letterFileName(envelope), pdf.pdf()));
            }
            Transport.Accepted accepted = transport.send(toSend);
            sent(envelope, accepted, pdf, now);
        } catch (SendFailure failure) {
            retryOrFail(envelope, failure.permanent(), failure.getMessage(), now);
        } catch (RuntimeException unexpected) {
            log.warn("Sending message {} failed unexpectedly", envelope.id(), unexpected);
            retryOrFail(envelope, false, unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage(), now);
        }
    }

    private static String letterFileName(Envelope envelope) {
        return "letter-" + envelope.id().toString().substring(0, 8) + ".pdf";
    }

    private void sent(Envelope e, Transport.Accepted accepted, LetterPdfs.@Nullable Rendered pdf, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        tenantScope.inTenant(e.tenantId(), () -> {
            int n = dsl.execute("""
                    update outbox_message set status = {0}, sent_at = {1}, delivered_at = {2}, provider_ref = {3},
                           claimed_by = null, claimed_until = null, last_error = null
                     where tenant_id = current_tenant() and id = {4} and claimed_by = {5} and status = 'QUEUED'""",
                    accepted.delivered() ? MessageStatus.DELIVERED.name() : MessageStatus.SENT.name(), at,
                    accepted.delivered() ? at : null, accepted.providerRef(), e.id(), node);
            if (n == 0) {
                log.warn("Message {} was sent but its claim had expired and passed to another node", e.id());
                return;
            }
            if (accepted.mailboxMime() != null) {
                dsl.execute("""
                        insert into console_mailbox (tenant_id, id, message_id, subject_id, received_at, mime)
                        values (current_tenant(), {0}, {1}, {2}, {3}, {4})""", Ids.newId(), e.id(), e.subjectId(),
                        at, vault.encrypt(e.subjectId(), "mailbox/" + e.id(),
                                Base64.getEncoder().encodeToString(accepted.mailboxMime())));
            }
            if (pdf != null) {
                storeDocument(e, pdf);
            }
            events.publishEvent(new MessageSent(e.tenantId(), e.id(), e.channel(), e.origin(), e.originRef(),
                    e.subjectId(), now));
        });
    }

    private void storeDocument(Envelope e, LetterPdfs.Rendered pdf) {
        dsl.execute("""
                insert into outbox_document (tenant_id, message_id, pdf, sha256, pages)
                values (current_tenant(), {0}, {1}, {2}, {3}) on conflict do nothing""", e.id(),
                vault.encrypt(e.subjectId(), "outbox/document/" + e.id(), Base64.getEncoder().encodeToString(pdf.pdf())),
                sha256(pdf.pdf()), pdf.pages());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void retryOrFail(Envelope e, boolean permanent, String reason, Instant now) {
        if (permanent || backoff.exhausted(e.attempt())) {
            fail(e, permanent && e.channel() == Channel.EMAIL ? MessageStatus.BOUNCED : MessageStatus.FAILED,
                    (permanent ? "" : "gave up after " + e.attempt() + " attempts: ") + reason, now);
            return;
        }
        Instant next = now.plus(backoff.delay(e.id(), e.attempt()));
        tenantScope.inTenant(e.tenantId(), () -> dsl.execute("""
                update outbox_message set next_attempt_at = {0}, last_error = {1}, claimed_by = null,
                       claimed_until = null
                 where tenant_id = current_tenant() and id = {2} and claimed_by = {3} and status = 'QUEUED'""",
                OffsetDateTime.ofInstant(next, ZoneOffset.UTC), truncate(reason), e.id(), node));
    }

    private void fail(Envelope e, MessageStatus status, String reason, Instant now) {
        tenantScope.inTenant(e.tenantId(), () -> {
            int n = dsl.execute("""
                    update outbox_message set status = {0}, failed_at = {1}, last_error = {2}, claimed_by = null,
                           claimed_until = null
                     where tenant_id = current_tenant() and id = {3} and claimed_by = {4} and status = 'QUEUED'""",
                    status.name(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), truncate(reason), e.id(), node);
            if (n == 1) {
                events.publishEvent(new MessageFailed(e.tenantId(), e.id(), e.channel(), e.origin(), e.originRef(),
                        e.subjectId(), status, truncate(reason)));
            }
        });
    }

    private static String truncate(@Nullable String s) {
        String v = s == null ? "" : s;
        return v.length() <= 500 ? v : v.substring(0, 500);
    }
}
