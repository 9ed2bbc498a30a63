package io.creditflow.messaging.letters;

import io.creditflow.messaging.Channel;
import io.creditflow.messaging.ContactRestrictions;
import io.creditflow.messaging.Letters;
import io.creditflow.messaging.MessageFailed;
import io.creditflow.messaging.MessageSent;
import io.creditflow.messaging.MessageStatus;
import io.creditflow.messaging.outbox.MessageContent;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.openpdf.text.Document;
import org.openpdf.text.pdf.PdfCopy;
import org.openpdf.text.pdf.PdfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The daily print batch: every letter queued in a tenant is rendered (A4, window envelope), and the day's letters
 * become one PDF with a manifest (sequence, message, first page, pages, country) for the print shop. The letters are
 * SENT when the batch closes: that is the moment the 14-day term's "sent" refers to, so the batch job runs at the
 * configured hand-over time of the day.
 * <p>
 * The merged PDF is never stored: it would hold many people's data under no single person's key, so erasing one
 * person could not remove it. It is rebuilt from the letters' own (encrypted) PDFs on download and checked against
 * the SHA-256 recorded when the batch closed.
 */
@Component
public class PrintBatches {

    private static final Logger log = LoggerFactory.getLogger(PrintBatches.class);
    private static final String CONTENT_PLACE = "outbox/content";

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final PersonalDataVault vault;
    private final JsonMapper json;
    private final Letters letters;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ContactRestrictions> restrictions;
    private final Clock clock;

    PrintBatches(DSLContext dsl, TenantScope tenantScope, PersonalDataVault vault, JsonMapper json, Letters letters,
                 ApplicationEventPublisher events, ObjectProvider<ContactRestrictions> restrictions, Clock clock) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.vault = vault;
        this.json = json;
        this.letters = letters;
        this.events = events;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    public record Batch(UUID id, LocalDate date, OffsetDateTime createdAt, int letters, int pages, String sha256,
                        String manifest) {
    }

    /** Closes the batch of every tenant with queued letters, as of {@code now}. */
    public int closeAll(Instant now) {
        List<UUID> tenants = dsl.resultQuery("select * from outbox_tenants_with_letters()")
                .fetch(r -> r.get(0, UUID.class));
        int letters = 0;
        for (UUID tenant : tenants) {
            letters += tenantScope.inTenant(tenant, () -> close(tenant, now));
        }
        return letters;
    }

    /** Closes today's batch of the current tenant; 0 when there is nothing to print or today's batch exists. */
    public int close(UUID tenant, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        if (dsl.fetchExists(dsl.selectOne().from("print_batch").where("batch_date = {0}", day))) {
            return 0;
        }
        var rows = dsl.resultQuery("""
                select id, subject_id, origin, origin_ref, language, content, created_at from outbox_message
                 where status = 'QUEUED' and channel = 'LETTER' and created_at <= {0}
                 order by created_at, id for update skip locked""", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .fetch();
        if (rows.isEmpty()) {
            return 0;
        }
        Set<UUID> restricted = restrictions.getIfAvailable(() -> ContactRestrictions.NONE)
                .restrictedAmong(rows.stream().map(r -> r.get("subject_id", UUID.class)).toList());
        UUID batchId = Ids.newId();
        List<Printed> printed = new ArrayList<>();
        for (Record r : rows) {
            Optional<Printed> p = print(r, restricted, day, printed.stream().mapToInt(Printed::pages).sum() + 1, now);
            p.ifPresent(printed::add);
        }
        if (printed.isEmpty()) {
            return 0;
        }
        byte[] sha = contentHash(printed.stream().map(Printed::pdf).toList());
        String manifest = manifest(batchId, day, printed, sha);
        dsl.execute("""
                insert into print_batch (tenant_id, id, batch_date, letters, pages, sha256, manifest)
                values (current_tenant(), {0}, {1}, {2}, {3}, {4}, {5})""", batchId, day, printed.size(),
                printed.stream().mapToInt(Printed::pages).sum(), sha, manifest);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (Printed p : printed) {
            dsl.execute("update outbox_message set status = 'SENT', sent_at = {0}, batch_id = {1}, attempts = attempts + 1 "
                    + "where tenant_id = current_tenant() and id = {2}", at, batchId, p.id());
            events.publishEvent(new MessageSent(tenant, p.id(), Channel.LETTER, p.origin(), p.originRef(),
                    p.subjectId(), now));
        }
        log.info("Print batch {} of {}: {} letters", day, tenant, printed.size());
        return printed.size();
    }

    private record Printed(UUID id, UUID subjectId, String origin, String originRef, byte[] pdf, int pages,
                           int firstPage, String country) {
    }

    private Optional<Printed> print(Record r, Set<UUID> restricted, LocalDate day, int firstPage, Instant now) {
        UUID id = r.get("id", UUID.class);
        UUID subject = r.get("subject_id", UUID.class);
        String origin = r.get("origin", String.class);
        String originRef = String.valueOf(r.get("origin_ref", String.class));
        Optional<MessageContent> content = vault.decrypt(subject, CONTENT_PLACE + "/" + id,
                r.get("content", byte[].class)).map(s -> json.readValue(s, MessageContent.class));
        String reason = restricted.contains(subject) ? "restricted: the recipient may not be contacted"
                : content.isEmpty() ? "erased: the recipient's personal data was erased" : null;
        if (reason != null) {
            dsl.execute("update outbox_message set status = 'FAILED', failed_at = {0}, last_error = {1} "
                    + "where tenant_id = current_tenant() and id = {2}", OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                    reason, id);
            events.publishEvent(new MessageFailed(dsl.resultQuery("select current_tenant()").fetchSingle()
                    .get(0, UUID.class), id, Channel.LETTER, origin, originRef, subject, MessageStatus.FAILED, reason));
            return Optional.empty();
        }
        MessageContent c = content.get();
        Letters.Pdf pdf = letters.render(c.address(), c.letterhead(), c.subject(), String.valueOf(c.html()),
                r.get("language", String.class) == null ? "nl" : r.get("language", String.class), day);
        dsl.execute("""
                insert into outbox_document (tenant_id, message_id, pdf, sha256, pages)
                values (current_tenant(), {0}, {1}, {2}, {3})
                on conflict (tenant_id, message_id) do update set pdf = excluded.pdf, sha256 = excluded.sha256,
                   pages = excluded.pages""", id,
                vault.encrypt(subject, Letters.DOCUMENT_PLACE + "/" + id, Base64.getEncoder().encodeToString(pdf.bytes())),
                sha256(pdf.bytes()), pdf.pages());
        return Optional.of(new Printed(id, subject, origin, originRef, pdf.bytes(), pdf.pages(), firstPage,
                c.address().country()));
    }

    private static String manifest(UUID batchId, LocalDate day, List<Printed> printed, byte[] sha) {
        StringBuilder csv = new StringBuilder("# print batch ").append(batchId).append(" of ").append(day)
                .append(", ").append(printed.size()).append(" letters, sha256 ").append(HexFormat.of().formatHex(sha))
                .append("\nsequence,message_id,first_page,pages,country\n");
        for (int i = 0; i < printed.size(); i++) {
            Printed p = printed.get(i);
            csv.append(i + 1).append(',').append(p.id()).append(',').append(p.firstPage()).append(',')
                    .append(p.pages()).append(',').append(p.country()).append('\n');
        }
        return csv.toString();
    }

    public List<Batch> list(int limit) {
        return dsl.resultQuery("select id, batch_date, created_at, letters, pages, sha256, manifest from print_batch "
                + "order by batch_date desc limit {0}", limit).fetch(r -> new Batch(r.get("id", UUID.class),
                r.get("batch_date", LocalDate.class), r.get("created_at", OffsetDateTime.class),
                r.get("letters", Integer.class), r.get("pages", Integer.class),
                HexFormat.of().formatHex(r.get("sha256", byte[].class)), r.get("manifest", String.class)));
    }

    /**
     * Writes the batch's PDF, rebuilt from its letters in manifest order; returns whether it matches the SHA-256
     * recorded at closing (it does not when a person in it was erased since: their letter is left out).
     */
    public boolean exists(UUID batchId) {
        return dsl.resultQuery("select 1 from print_batch where id = {0}", batchId).fetchOptional().isPresent();
    }

    public boolean writePdf(UUID batchId, OutputStream out) {
        byte[] recorded = dsl.resultQuery("select sha256 from print_batch where id = {0}", batchId).fetchOptional()
                .map(r -> r.get(0, byte[].class))
                .orElseThrow(() -> new io.creditflow.platform.NotFoundException("Print batch", batchId));
        List<byte[]> pdfs = new ArrayList<>();
        dsl.resultQuery("""
                select m.id, m.subject_id, d.pdf from outbox_message m
                  join outbox_document d on d.tenant_id = m.tenant_id and d.message_id = m.id
                 where m.batch_id = {0} order by m.created_at, m.id""", batchId)
                .forEach(r -> vault.decrypt(r.get("subject_id", UUID.class),
                                Letters.DOCUMENT_PLACE + "/" + r.get("id", UUID.class), r.get("pdf", byte[].class))
                        .ifPresent(b64 -> pdfs.add(Base64.getDecoder().decode(b64))));
        mergeTo(out, pdfs);
        return MessageDigest.isEqual(recorded, contentHash(pdfs));
    }

    /**
     * What the batch's hash covers: the letters' PDFs in order (a merged PDF carries its own creation time and file id,
     * so hashing the merged bytes would differ on every rebuild).
     */
    static byte[] contentHash(List<byte[]> pdfs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] pdf : pdfs) {
                digest.update(MessageDigest.getInstance("SHA-256").digest(pdf));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Merges PDFs into {@code out}, one after the other. */
    static void mergeTo(OutputStream out, List<byte[]> pdfs) {
        try {
            Document document = new Document();
            PdfCopy copy = new PdfCopy(document, out);
            document.open();
            for (byte[] pdf : pdfs) {
                PdfReader reader = new PdfReader(pdf);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    copy.addPage(copy.getImportedPage(reader, page));
                }
                copy.freeReader(reader);
                reader.close();
            }
            document.close();
        } catch (IOException | org.openpdf.text.DocumentException e) {
            throw new IllegalStateException("cannot merge the print batch: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
