package io.creditflow.messaging.web;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.messaging.Channel;
import io.creditflow.messaging.MessageStatus;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.letters.PrintBatches;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.privacy.PersonalDataVault;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletResponse;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Console: the outbox (every message of every channel with its state), the mail viewer (what the console mailbox
 * received: the complete e-mail, HTML shown in a sandboxed frame), and the daily print batches.
 */
@Controller
@PreAuthorize("hasAuthority('dunning:read')")
class MessagesConsole {

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final PrintBatches batches;
    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final AuditLog audit;

    MessagesConsole(Outbox outbox, OutboxDispatcher dispatcher, PrintBatches batches, DSLContext dsl,
                    PersonalDataVault vault, AuditLog audit) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.batches = batches;
        this.dsl = dsl;
        this.vault = vault;
        this.audit = audit;
    }

    @GetMapping("/console/messages")
    String outbox(@RequestParam(required = false) @Nullable MessageStatus status,
                  @RequestParam(required = false) @Nullable Channel channel,
                  @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", outbox.list(new Outbox.Filter(status, channel, null, null, null), cursor, 50));
        model.addAttribute("counts", outbox.countsByStatus());
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("transports", List.of(Channel.EMAIL, Channel.SMS, Channel.WEBHOOK).stream()
                .map(c -> c + ": " + dispatcher.transportName(c)).toList());
        return "messaging/outbox";
    }

    @GetMapping("/console/messages/{id}")
    String message(@PathVariable UUID id, Model model) {
        model.addAttribute("m", outbox.get(id));
        return "messaging/message";
    }

    @PostMapping("/console/messages/{id}/retry")
    @PreAuthorize("hasAuthority('dunning:manage')")
    String retry(@PathVariable UUID id) {
        outbox.retry(id);
        return "redirect:/console/messages/" + id;
    }

    @GetMapping("/console/messages/{id}/letter.pdf")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        return outbox.document(id).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }

    public record MailItem(UUID id, UUID messageId, OffsetDateTime receivedAt, String to, String subject,
                           @Nullable String text, @Nullable String html, List<String> attachments) {
    }

    @GetMapping("/console/mailbox")
    String mailbox(@RequestParam(required = false) @Nullable UUID open, Model model) {
        var rows = dsl.resultQuery("select id, message_id, subject_id, received_at, mime from console_mailbox "
                + "order by received_at desc, id desc limit 100").fetch();
        List<MailItem> items = new ArrayList<>();
        for (Record r : rows) {
            items.add(read(r, false));
        }
        model.addAttribute("items", items);
        if (open != null) {
            model.addAttribute("opened", items.stream().filter(i -> i.id().equals(open)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Mail", open)));
        }
        audit.record(AuditEvent.of("mailbox.read", "console-mailbox", "list").detail("count", items.size()));
        return "messaging/mailbox";
    }

    /**
     * The HTML part on its own, for the viewer's sandboxed frame: its own strict CSP (no scripts, no remote content,
     * inline styles allowed as e-mail uses them) and framable by the console only.
     */
    @GetMapping("/console/mailbox/{id}/html")
    void mailHtml(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        Record r = dsl.resultQuery("select id, message_id, subject_id, received_at, mime from console_mailbox where id = {0}",
                id).fetchOptional().orElseThrow(() -> new NotFoundException("Mail", id));
        MailItem item = read(r, true);
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                + "frame-ancestors 'self'; sandbox");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write((item.html() == null ? "<pre>" + org.springframework.web.util.HtmlUtils
                .htmlEscape(String.valueOf(item.text())) + "</pre>" : item.html()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/console/mailbox/{id}.eml")
    ResponseEntity<byte[]> eml(@PathVariable UUID id) {
        Record r = dsl.resultQuery("select id, subject_id, message_id, mime from console_mailbox where id = {0}", id)
                .fetchOptional().orElseThrow(() -> new NotFoundException("Mail", id));
        byte[] mime = mime(r).orElseThrow(() -> new NotFoundException("Mail", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".eml\"").body(mime);
    }

    /** Decrypts a received mail: a read of the person's data, so audited with them as subject. */
    private java.util.Optional<byte[]> mime(Record r) {
        audit.record(AuditEvent.of("mailbox.mail-read", "console-mailbox", r.get("id", UUID.class))
                .subject(r.get("subject_id", UUID.class)));
        return vault.decrypt(r.get("subject_id", UUID.class), "mailbox/" + r.get("message_id", UUID.class),
                r.get("mime", byte[].class)).map(Base64.getDecoder()::decode);
    }

    private MailItem read(Record r, boolean withBodies) {
        UUID id = r.get("id", UUID.class);
        UUID messageId = r.get("message_id", UUID.class);
        OffsetDateTime at = r.get("received_at", OffsetDateTime.class);
        var bytes = mime(r);
        if (bytes.isEmpty()) {
            return new MailItem(id, messageId, at, "[erased]", "[erased]", null, null, List.of());
        }
        try {
            MimeMessage m = new MimeMessage(null, new ByteArrayInputStream(bytes.get()));
            List<String> files = new ArrayList<>();
            String[] bodies = new String[2];
            walk(m, bodies, files);
            return new MailItem(id, messageId, at, String.valueOf(m.getHeader("To", ", ")), m.getSubject(), bodies[0],
                    withBodies ? bodies[1] : bodies[1] == null ? null : "", files);
        } catch (MessagingException | IOException e) {
            return new MailItem(id, messageId, at, "?", "unreadable: " + e.getMessage(), null, null, List.of());
        }
    }

    private static void walk(Part part, String[] bodies, List<String> files) throws MessagingException, IOException {
        if (part.getFileName() != null) {
            files.add(part.getFileName());
        } else if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, bodies, files);
            }
        }
    }

    @GetMapping("/console/letters")
    String letters(Model model) {
        model.addAttribute("batches", batches.list(60));
        model.addAttribute("queued", outbox.list(new Outbox.Filter(MessageStatus.QUEUED, Channel.LETTER, null, null,
                null), null, 200).items().size());
        return "messaging/letters";
    }

    @GetMapping("/console/letters/{id}.pdf")
    void batchPdf(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        if (!batches.exists(id)) {
            throw new NotFoundException("Print batch", id); // before the PDF headers, so the 404 page can render
        }
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"print-batch-" + id + ".pdf\"");
        boolean intact = batches.writePdf(id, response.getOutputStream());
        audit.record(AuditEvent.of("print-batch.downloaded", "print-batch", id).detail("intact", intact));
    }

    @GetMapping("/console/letters/{id}.csv")
    ResponseEntity<String> manifest(@PathVariable UUID id) {
        String manifest = batches.list(10_000).stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Print batch", id)).manifest();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"manifest-" + id + ".csv\"")
                .body(manifest);
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem outboxMenu() {
            return new ConsoleMenuItem(240, "nav.outbox", "/console/messages", "dunning:read");
        }

        @Bean
        ConsoleMenuItem mailboxMenu() {
            return new ConsoleMenuItem(250, "nav.mailbox", "/console/mailbox", "dunning:read");
        }

        @Bean
        ConsoleMenuItem lettersMenu() {
            return new ConsoleMenuItem(260, "nav.letters", "/console/letters", "dunning:read");
        }
    }
}
