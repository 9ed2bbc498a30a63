package io.creditflow.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Time comes from one injected {@link Clock}: dunning, interest and deadlines are date logic, and tests pin time.
 * Business dates are in the platform's zone (Europe/Amsterdam unless configured).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${creditflow.time-zone:Europe/Amsterdam}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
