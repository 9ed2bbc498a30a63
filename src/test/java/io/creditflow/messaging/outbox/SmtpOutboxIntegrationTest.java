package io.creditflow.messaging.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.creditflow.messaging.Attachment;
import io.creditflow.messaging.ContactRestrictions;
import io.creditflow.messaging.MessageStatus;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.email.MimeMessages;
import io.creditflow.messaging.email.SmtpTransport;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a real SMTP server (GreenMail, in process): while the server is down nothing is lost (messages
 * wait with backoff), once it is up every message arrives exactly once, and two dispatchers (two nodes) racing over
 * the same outbox never send a message twice.
 */
@CreditflowTest
class SmtpOutboxIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired TenantScope tenantScope;
    @Autowired PersonalDataVault vault;
    @Autowired JsonMapper json;
    @Autowired ApplicationEventPublisher events;

    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void smtpDownThenUpLosesNothingAndSendsNothingTwice() throws Exception {
        int port = freePort();
        TestTenants.TestTenant tenant = tenants.create();
        String domain = tenant.slug() + ".example";
        List<UUID> ids = enqueue(tenant, domain, 20);
        OutboxDispatcher dispatcher = dispatcher(port);
        Instant t0 = Instant.parse("2030-01-01T09:00:00Z");

        assertThat(dispatcher.dispatchOnce(t0)).isGreaterThanOrEqualTo(20);
        Map<MessageStatus, Long> afterDown = statuses(tenant, ids);
        assertThat(afterDown).containsOnlyKeys(MessageStatus.QUEUED);
        assertThat(attempts(tenant, ids)).containsOnly(1);
        assertThat(dispatcher.dispatchOnce(t0.plusSeconds(1))).as("not due again before the backoff").isZero();

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        dispatcher.dispatchOnce(t0.plus(Duration.ofHours(2)));
        dispatcher.dispatchOnce(t0.plus(Duration.ofHours(3)));

        assertThat(statuses(tenant, ids)).containsOnlyKeys(MessageStatus.SENT);
        List<MimeMessage> received = receivedFor(domain);
        assertThat(received).hasSize(20);
        assertThat(received.stream().map(this::messageId).collect(Collectors.toSet())).hasSize(20);
        MimeMessage first = received.getFirst();
        assertThat(first.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(first.getFrom()[0].toString()).contains("Test Creditor");
    }

    @Test
    void twoDispatchersRacingSendEachMessageExactlyOnce() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        TestTenants.TestTenant tenant = tenants.create();
        String domain = tenant.slug() + ".example";
        List<UUID> ids = enqueue(tenant, domain, 150);
        OutboxDispatcher a = dispatcher(port);
        OutboxDispatcher b = dispatcher(port);
        Instant now = Instant.parse("2030-01-01T09:00:00Z");

        var one = CompletableFuture.supplyAsync(() -> a.dispatchOnce(now));
        var two = CompletableFuture.supplyAsync(() -> b.dispatchOnce(now));
        int handled = one.get() + two.get();

        assertThat(handled).isGreaterThanOrEqualTo(150);
        assertThat(statuses(tenant, ids)).containsOnlyKeys(MessageStatus.SENT);
        List<MimeMessage> received = receivedFor(domain);
        assertThat(received).hasSize(150);
        assertThat(received.stream().map(this::messageId).collect(Collectors.toSet())).hasSize(150);
    }

    private List<UUID> enqueue(TestTenants.TestTenant tenant, String domain, int n) {
        return tenants.inTenant(tenant, () -> {
            List<OutboundMessage> messages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                UUID debtor = UUID.randomUUID();
                messages.add(OutboundMessage.email(debtor, "test", "ref-" + i, "test-" + i, "nl",
                        "debtor" + i + "@" + domain, "Herinnering " + i, "<p>Factuur <b>" + i + "</b></p>",
                        "Factuur " + i, List.of(Attachment.pdf("factuur-" + i + ".pdf", new byte[] {37, 80, 68, 70}))));
            }
            List<UUID> ids = outbox.enqueueAll(messages);
            assertThat(outbox.enqueueAll(messages)).as("enqueueing again is a no-op").isEqualTo(ids);
            return ids;
        });
    }

    private OutboxDispatcher dispatcher(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        Transport smtpTransport = new SmtpTransport(sender, new MimeMessages("noreply@creditflow.test"),
                e -> "Test Creditor");
        return new OutboxDispatcher(dsl, tenantScope, vault, json, events, ContactRestrictions.NONE,
                List.of(smtpTransport), e -> {
                    throw new IllegalStateException("no letters here");
                }, new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 10), Duration.ofMinutes(5), 20);
    }

    private Map<MessageStatus, Long> statuses(TestTenants.TestTenant tenant, List<UUID> ids) {
        return tenants.inTenant(tenant, () -> dsl.resultQuery(
                        "select status from outbox_message where id = any({0})", (Object) ids.toArray(UUID[]::new))
                .fetch(r -> MessageStatus.valueOf(r.get(0, String.class))).stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
    }

    private Set<Integer> attempts(TestTenants.TestTenant tenant, List<UUID> ids) {
        return new HashSet<>(tenants.inTenant(tenant, () -> dsl.resultQuery(
                        "select attempts from outbox_message where id = any({0})", (Object) ids.toArray(UUID[]::new))
                .fetch(r -> r.get(0, Integer.class))));
    }

    private List<MimeMessage> receivedFor(String domain) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().endsWith(domain);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
