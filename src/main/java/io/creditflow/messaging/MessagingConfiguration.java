package io.creditflow.messaging;

import io.creditflow.messaging.email.ConsoleMailboxTransport;
import io.creditflow.messaging.email.MimeMessages;
import io.creditflow.messaging.email.SmtpTransport;
import io.creditflow.messaging.outbox.Backoff;
import io.creditflow.messaging.outbox.DispatcherLoop;
import io.creditflow.messaging.outbox.Envelope;
import io.creditflow.messaging.outbox.OutboxDispatcher;
import io.creditflow.messaging.outbox.OutboxSignals;
import io.creditflow.messaging.outbox.Transport;
import io.creditflow.messaging.outbox.WebhookTransport;
import io.creditflow.messaging.sms.DevelopmentLogOnlySmsProvider;
import io.creditflow.messaging.sms.HttpSmsProvider;
import io.creditflow.messaging.sms.SmsTransport;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Wires the transports from configuration. E-mail goes over SMTP when {@code spring.mail.host} is set, otherwise to
 * the console mailbox; SMS over the generic HTTP provider when {@code creditflow.messaging.sms.http.url} is set,
 * otherwise to the development provider that only logs. Each node runs its own dispatcher thread unless
 * {@code creditflow.messaging.dispatcher.enabled=false} (tests drive it by hand).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    OutboxDispatcher outboxDispatcher(DSLContext dsl, TenantScope tenantScope, PersonalDataVault vault,
                                      JsonMapper json, ApplicationEventPublisher events,
                                      ObjectProvider<ContactRestrictions> restrictions,
                                      ObjectProvider<JavaMailSenderImpl> mailSender,
                                      ObjectProvider<SmsProvider> smsProviders, Letters letters, Tenants tenants,
                                      Clock clock, Environment env) {
        List<Transport> transports = new ArrayList<>();
        transports.add(emailTransport(env, mailSender, tenants));
        SmsProvider sms = smsProviders.getIfAvailable(() -> smsProvider(env, json));
        transports.add(new SmsTransport(sms, env.getProperty("creditflow.messaging.sms.sender", "Creditflow")));
        transports.add(new WebhookTransport(clock,
                env.getProperty("creditflow.messaging.webhooks.allow-private-addresses", Boolean.class, false)));
        Backoff backoff = new Backoff(
                env.getProperty("creditflow.messaging.retry.base", Duration.class, Duration.ofSeconds(30)),
                env.getProperty("creditflow.messaging.retry.max", Duration.class, Duration.ofHours(1)),
                env.getProperty("creditflow.messaging.retry.max-attempts", Integer.class, 10));
        ZoneId zone = clock.getZone();
        OutboxDispatcher.LetterPdfs pdfs = e -> {
            var c = e.content();
            Letters.Pdf pdf = letters.render(c.address(), c.letterhead(), c.subject(), String.valueOf(c.html()),
                    e.language() == null ? "nl" : e.language(), LocalDate.now(clock.withZone(zone)));
            return new OutboxDispatcher.LetterPdfs.Rendered(pdf.bytes(), pdf.pages());
        };
        return new OutboxDispatcher(dsl, tenantScope, vault, json, events,
                restrictions.getIfAvailable(() -> ContactRestrictions.NONE), transports, pdfs, backoff,
                env.getProperty("creditflow.messaging.dispatcher.lease", Duration.class, Duration.ofMinutes(5)),
                env.getProperty("creditflow.messaging.dispatcher.batch-size", Integer.class, 100));
    }

    static Transport emailTransport(Environment env, ObjectProvider<JavaMailSenderImpl> mailSender, Tenants tenants) {
        MimeMessages mime = new MimeMessages(env.getProperty("creditflow.messaging.email.from",
                "noreply@creditflow.invalid"));
        Function<Envelope, String> fromName = e -> e.content().letterhead() != null
                ? e.content().letterhead().name() : tenants.find(e.tenantId()).name();
        JavaMailSenderImpl sender = mailSender.getIfAvailable();
        if (sender != null && env.containsProperty("spring.mail.host")) {
            return new SmtpTransport(sender, mime, fromName);
        }
        return new ConsoleMailboxTransport(mime, fromName);
    }

    static SmsProvider smsProvider(Environment env, JsonMapper json) {
        String url = env.getProperty("creditflow.messaging.sms.http.url", "");
        if (url.isBlank()) {
            return new DevelopmentLogOnlySmsProvider();
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        String auth = env.getProperty("creditflow.messaging.sms.http.authorization", "");
        if (!auth.isBlank()) {
            headers.put("Authorization", auth);
        }
        return new HttpSmsProvider(new HttpSmsProvider.Settings(URI.create(url),
                env.getProperty("creditflow.messaging.sms.http.content-type", "application/json"),
                env.getProperty("creditflow.messaging.sms.http.body",
                        "{\"recipients\":[\"{to}\"],\"originator\":\"{from}\",\"body\":\"{text}\",\"reference\":\"{reference}\"}"),
                headers, env.getProperty("creditflow.messaging.sms.http.id-pointer", "/id"),
                env.getProperty("creditflow.messaging.sms.http.timeout", Duration.class, Duration.ofSeconds(10))),
                json);
    }

    @Bean
    @ConditionalOnProperty(name = "creditflow.messaging.dispatcher.enabled", havingValue = "true",
            matchIfMissing = true)
    DispatcherLoop dispatcherLoop(OutboxDispatcher dispatcher, OutboxSignals signals, Clock clock, Environment env) {
        return new DispatcherLoop(dispatcher, signals, clock,
                env.getProperty("creditflow.messaging.dispatcher.poll", Duration.class, Duration.ofSeconds(2)));
    }
}
