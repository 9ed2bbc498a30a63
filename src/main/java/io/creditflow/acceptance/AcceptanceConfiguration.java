package io.creditflow.acceptance;

import io.creditflow.acceptance.verification.EmailAddresses;
import io.creditflow.acceptance.verification.InputVerification;
import io.creditflow.acceptance.verification.PostcodeAreas;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AcceptanceConfiguration {

    @Bean
    EmailAddresses emailAddresses() {
        return EmailAddresses.fromBundledList();
    }

    @Bean
    PostcodeAreas postcodeAreas() {
        return PostcodeAreas.fromBundledTable();
    }

    @Bean
    InputVerification inputVerification(EmailAddresses emails, PostcodeAreas areas) {
        return new InputVerification(emails, areas);
    }

    /** Until the signed webhook delivery exists, a webhook is a module event it will consume. */
    @Bean
    @ConditionalOnMissingBean(WebhookSender.class)
    WebhookSender moduleEventWebhooks(ApplicationEventPublisher events) {
        return (tenant, type, payload) -> events.publishEvent(new AcceptanceWebhookRequested(tenant, type, payload));
    }
}
