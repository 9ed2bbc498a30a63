package io.creditflow.messaging;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.messaging.outbox.MessageContent;
import io.creditflow.messaging.outbox.OutboxSignals;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.database.CopyIn;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.OUTBOX_ATTACHMENT;
import static io.creditflow.jooq.Tables.OUTBOX_DOCUMENT;
import static io.creditflow.jooq.Tables.OUTBOX_MESSAGE;

/**
 * The outbox of the current tenant. Enqueueing is part of the caller's transaction: the message exists exactly when
 * the business change that caused it commits, and the dedupe key makes a repeated enqueue a no-op. Sending happens
 * later, on whichever node claims the message first.
 */
@Component
public class Outbox {

    static final String CONTENT_PLACE = "outbox/content";
    static final String ATTACHMENT_PLACE = "outbox/attachment";

    private final DSLContext dsl;
    private final CopyIn copyIn;
    private final PersonalDataVault vault;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboxSignals signals;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Outbox(DSLContext dsl, CopyIn copyIn, PersonalDataVault vault, JsonMapper json, Clock clock,
           OutboxSignals signals, AuditLog audit, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.copyIn = copyIn;
        this.vault = vault;
        this.json = json;
        this.clock = clock;
        this.signals = signals;
        this.audit = audit;
        this.events = events;
    }

    /** Enqueues one message; returns its id (the earlier message's id when the dedupe key was used before). */
    @Transactional
    public UUID enqueue(OutboundMessage message) {
        return enqueueAll(List.of(message)).getFirst();
    }

    /**
     * Enqueues many messages with two COPYs and two statements (the dunning run renders thousands a second). Returns
     * the ids in order; a message whose dedupe key exists already keeps its earlier id and is not changed.
     */
    @Transactional
    public List<UUID> enqueueAll(List<OutboundMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        vault.prepareSubjects(messages.stream().map(OutboundMessage::subjectId).distinct().toList());
        Map<String, UUID> idByKey = new LinkedHashMap<>();
        CopyIn.Rows rows = new CopyIn.Rows();
        CopyIn.Rows files = new CopyIn.Rows();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (OutboundMessage m : messages) {
            if (idByKey.containsKey(m.dedupeKey())) {
                continue;
            }
            UUID id = Ids.newId();
            idByKey.put(m.dedupeKey(), id);
            byte[] content = vault.encrypt(m.subjectId(), CONTENT_PLACE + "/" + id,
                    json.writeValueAsString(MessageContent.of(m)));
            rows.uuid(id).text(m.channel().name()).uuid(m.subjectId()).text(m.origin()).text(m.originRef())
                    .text(m.dedupeKey()).text(m.language()).bytes(content).text(String.valueOf(m.attachments().size()))
                    .text(now.toString()).end();
            for (int i = 0; i < m.attachments().size(); i++) {
                Attachment a = m.attachments().get(i);
                files.uuid(id).text(String.valueOf(i + 1)).text(a.filename()).text(a.contentType())
                        .text(String.valueOf(a.content().length))
                        .bytes(vault.encrypt(m.subjectId(), ATTACHMENT_PLACE + "/" + id + "/" + (i + 1),
                                java.util.Base64.getEncoder().encodeToString(a.content())))
                        .end();
            }
        }
        copyIn.prepare("stage_outbox", "id uuid, channel text, subject_id uuid, origin text, origin_ref text, "
                + "dedupe_key text, language text, content bytea, attachments int, created_at timestamptz");
        copyIn.copy("stage_outbox", "id, channel, subject_id, origin, origin_ref, dedupe_key, language, content, "
                + "attachments, created_at", rows.csv());
        List<UUID> inserted = dsl.resultQuery("""
                insert into outbox_message (tenant_id, id, channel, subject_id, origin, origin_ref, dedupe_key,
                                            language, content, attachments, next_attempt_at, created_at)
                select current_tenant(), id, channel, subject_id, origin, origin_ref, dedupe_key, language, content,
                       attachments, created_at, created_at
                  from stage_outbox
                on conflict (tenant_id, dedupe_key) do nothing
                returning id""").fetch(r -> r.get(0, UUID.class));
        if (!files.isEmpty() && !inserted.isEmpty()) {
            copyIn.prepare("stage_outbox_file", "message_id uuid, seq int, filename text, content_type text, "
                    + "size int, content bytea");
            copyIn.copy("stage_outbox_file", "message_id, seq, filename, content_type, size, content", files.csv());
            dsl.execute("""
                    insert into outbox_attachment (tenant_id, message_id, seq, filename, content_type, size, content)
                    select current_tenant(), f.message_id, f.seq, f.filename, f.content_type, f.size, f.content
                      from stage_outbox_file f join outbox_message m
                        on m.tenant_id = current_tenant() and m.id = f.message_id
                     where f.message_id = any({0})""", (Object) inserted.toArray(UUID[]::new));
        }
        if (inserted.size() < idByKey.size()) {
            resolveExisting(idByKey, inserted);
        }
        signals.wakeAfterCommit();
        return messages.stream().map(m -> idByKey.get(m.dedupeKey())).toList();
    }

    private void resolveExisting(Map<String, UUID> idByKey, List<UUID> inserted) {
        java.util.Set<UUID> fresh = new java.util.HashSet<>(inserted);
        List<String> known = idByKey.entrySet().stream().filter(e -> !fresh.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        dsl.select(OUTBOX_MESSAGE.DEDUPE_KEY, OUTBOX_MESSAGE.ID).from(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.DEDUPE_KEY.in(known))
                .forEach(r -> idByKey.put(r.value1(), r.value2()));
    }

    /** A message without its personal content (lists, timelines). */
    public record Summary(UUID id, Channel channel, MessageStatus status, UUID subjectId, String origin,
                          @Nullable String originRef, @Nullable String language, int attempts,
                          OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, @Nullable OffsetDateTime sentAt,
                          @Nullable OffsetDateTime deliveredAt, @Nullable String lastError,
                          @Nullable String providerRef, boolean hasDocument) {
    }

    /** A message with its decrypted content; {@code content} is empty when the person was erased. */
    public record Details(Summary summary, Optional<Content> content, List<String> attachmentNames) {
    }

    /** What the message says and to whom. */
    public record Content(@Nullable String recipient, @Nullable PostalAddress address, String subject,
                          @Nullable String html, String text) {
    }

    public record Filter(@Nullable MessageStatus status, @Nullable Channel channel, @Nullable UUID subjectId,
                         @Nullable String origin, @Nullable String originRef) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    @Transactional(readOnly = true)
    public CursorPage<Summary> list(Filter filter, @Nullable String cursor, int limit) {
        Condition c = DSL.trueCondition();
        if (filter.status() != null) {
            c = c.and(OUTBOX_MESSAGE.STATUS.eq(filter.status().name()));
        }
        if (filter.channel() != null) {
            c = c.and(OUTBOX_MESSAGE.CHANNEL.eq(filter.channel().name()));
        }
        if (filter.subjectId() != null) {
            c = c.and(OUTBOX_MESSAGE.SUBJECT_ID.eq(filter.subjectId()));
        }
        if (filter.origin() != null) {
            c = c.and(OUTBOX_MESSAGE.ORIGIN.eq(filter.origin()));
        }
        if (filter.originRef() != null) {
            c = c.and(OUTBOX_MESSAGE.ORIGIN_REF.eq(filter.originRef()));
        }
        String after = CursorPage.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|");
            c = c.and(DSL.row(OUTBOX_MESSAGE.CREATED_AT, OUTBOX_MESSAGE.ID)
                    .lt(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1])));
        }
        List<Summary> rows = summaries(c, limit + 1);
        return CursorPage.of(rows, limit, s -> s.createdAt() + "|" + s.id());
    }

    @Transactional(readOnly = true)
    public List<Summary> bySubject(UUID subjectId, int limit) {
        return summaries(OUTBOX_MESSAGE.SUBJECT_ID.eq(subjectId), limit);
    }

    @Transactional(readOnly = true)
    public List<Summary> byOrigin(String origin, List<String> originRefs) {
        return summaries(OUTBOX_MESSAGE.ORIGIN.eq(origin).and(OUTBOX_MESSAGE.ORIGIN_REF.in(originRefs)), 1000);
    }

    private List<Summary> summaries(Condition c, int limit) {
        var hasDoc = DSL.exists(DSL.selectOne().from(OUTBOX_DOCUMENT)
                .where(OUTBOX_DOCUMENT.MESSAGE_ID.eq(OUTBOX_MESSAGE.ID)));
        return dsl.select(OUTBOX_MESSAGE.ID, OUTBOX_MESSAGE.CHANNEL, OUTBOX_MESSAGE.STATUS, OUTBOX_MESSAGE.SUBJECT_ID,
                        OUTBOX_MESSAGE.ORIGIN, OUTBOX_MESSAGE.ORIGIN_REF, OUTBOX_MESSAGE.LANGUAGE,
                        OUTBOX_MESSAGE.ATTEMPTS, OUTBOX_MESSAGE.CREATED_AT, OUTBOX_MESSAGE.NEXT_ATTEMPT_AT,
                        OUTBOX_MESSAGE.SENT_AT, OUTBOX_MESSAGE.DELIVERED_AT, OUTBOX_MESSAGE.LAST_ERROR,
                        OUTBOX_MESSAGE.PROVIDER_REF, DSL.field(hasDoc))
                .from(OUTBOX_MESSAGE).where(c)
                .orderBy(OUTBOX_MESSAGE.CREATED_AT.desc(), OUTBOX_MESSAGE.ID.desc()).limit(limit)
                .fetch(r -> new Summary(r.value1(), Channel.valueOf(r.value2()), MessageStatus.valueOf(r.value3()),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(),
                        r.value11(), r.value12(), r.value13(), r.value14(), Boolean.TRUE.equals(r.value15())));
    }

    /** One message with its content: a read of personal data, audited. */
    @Transactional
    public Details get(UUID id) {
        Summary summary = summaries(OUTBOX_MESSAGE.ID.eq(id), 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Message", id));
        byte[] sealed = dsl.select(OUTBOX_MESSAGE.CONTENT).from(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id))
                .fetchSingle().value1();
        Optional<Content> content = vault.decrypt(summary.subjectId(), CONTENT_PLACE + "/" + id, sealed)
                .map(s -> json.readValue(s, MessageContent.class))
                .map(c -> new Content(c.recipient(), c.address(), c.subject(), c.html(), c.text()));
        List<String> names = dsl.select(OUTBOX_ATTACHMENT.FILENAME).from(OUTBOX_ATTACHMENT)
                .where(OUTBOX_ATTACHMENT.MESSAGE_ID.eq(id)).orderBy(OUTBOX_ATTACHMENT.SEQ).fetch(r -> r.value1());
        audit.record(AuditEvent.of("message.read", "message", id).subject(summary.subjectId()));
        return new Details(summary, content, names);
    }

    /** The letter PDF of a message (what was printed, or attached as letter), if one was rendered. */
    @Transactional(readOnly = true)
    public Optional<byte[]> document(UUID id) {
        return dsl.select(OUTBOX_MESSAGE.SUBJECT_ID, OUTBOX_DOCUMENT.PDF).from(OUTBOX_DOCUMENT)
                .join(OUTBOX_MESSAGE).on(OUTBOX_MESSAGE.TENANT_ID.eq(OUTBOX_DOCUMENT.TENANT_ID)
                        .and(OUTBOX_MESSAGE.ID.eq(OUTBOX_DOCUMENT.MESSAGE_ID)))
                .where(OUTBOX_DOCUMENT.MESSAGE_ID.eq(id)).fetchOptional()
                .flatMap(r -> vault.decrypt(r.value1(), Letters.DOCUMENT_PLACE + "/" + id, r.value2()))
                .map(b64 -> java.util.Base64.getDecoder().decode(b64));
    }

    /** Queues a FAILED or BOUNCED message again (after the address was corrected, say). */
    @Transactional
    public void retry(UUID id) {
        int n = dsl.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, MessageStatus.QUEUED.name())
                .set(OUTBOX_MESSAGE.ATTEMPTS, 0).set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, now())
                .set(OUTBOX_MESSAGE.FAILED_AT, (OffsetDateTime) null)
                .where(OUTBOX_MESSAGE.ID.eq(id)).and(OUTBOX_MESSAGE.STATUS.in("FAILED", "BOUNCED")).execute();
        if (n == 0) {
            throw new BusinessRuleException("not-failed", "Only a failed or bounced message can be retried.");
        }
        audit.record(AuditEvent.of("message.retried", "message", id));
        signals.wakeAfterCommit();
    }

    /** The recipient's side confirmed delivery (an SMS delivery report). */
    @Transactional
    public boolean markDelivered(UUID id, Instant at) {
        return dsl.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, MessageStatus.DELIVERED.name())
                .set(OUTBOX_MESSAGE.DELIVERED_AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .where(OUTBOX_MESSAGE.ID.eq(id)).and(OUTBOX_MESSAGE.STATUS.eq("SENT")).execute() == 1;
    }

    /** The recipient's side rejected a message after accepting it (a bounce, a failed SMS report). */
    @Transactional
    public boolean markBounced(UUID id, String reason) {
        var row = dsl.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, MessageStatus.BOUNCED.name())
                .set(OUTBOX_MESSAGE.FAILED_AT, now()).set(OUTBOX_MESSAGE.LAST_ERROR, truncate(reason))
                .where(OUTBOX_MESSAGE.ID.eq(id)).and(OUTBOX_MESSAGE.STATUS.in("SENT", "DELIVERED"))
                .returning(OUTBOX_MESSAGE.CHANNEL, OUTBOX_MESSAGE.ORIGIN, OUTBOX_MESSAGE.ORIGIN_REF,
                        OUTBOX_MESSAGE.SUBJECT_ID).fetchOptional();
        row.ifPresent(r -> events.publishEvent(new MessageFailed(TenantContext.require(), id,
                Channel.valueOf(r.getChannel()), r.getOrigin(), String.valueOf(r.getOriginRef()), r.getSubjectId(),
                MessageStatus.BOUNCED, truncate(reason))));
        return row.isPresent();
    }

    /** Messages per status, for the console. */
    @Transactional(readOnly = true)
    public Map<MessageStatus, Long> countsByStatus() {
        Map<MessageStatus, Long> counts = new HashMap<>();
        for (MessageStatus s : MessageStatus.values()) {
            counts.put(s, 0L);
        }
        dsl.select(OUTBOX_MESSAGE.STATUS, DSL.count()).from(OUTBOX_MESSAGE).groupBy(OUTBOX_MESSAGE.STATUS)
                .forEach(r -> counts.put(MessageStatus.valueOf(r.value1()), r.value2().longValue()));
        return counts;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }

    /** For the mail viewer: decrypted MIME of console-mailbox entries lives in the web layer. */
    static List<UUID> ids(List<Summary> summaries) {
        List<UUID> ids = new ArrayList<>();
        summaries.forEach(s -> ids.add(s.id()));
        return ids;
    }
}
