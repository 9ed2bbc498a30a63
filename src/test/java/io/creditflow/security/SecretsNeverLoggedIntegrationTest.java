package io.creditflow.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never reach the log, even with everything turned up to DEBUG (security, web, SQL): signing in with a right
 * and a wrong password, calling the API with a valid and an invalid key, and issuing a key (whose response carries it).
 */
@CreditflowTest
class SecretsNeverLoggedIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired LoggingSystem logging;

    @Test
    void neitherPasswordsNorApiKeysAppearInTheLog() {
        TestTenant tenant = tenants.create();
        String wrongPassword = "wrong-but-secret-" + System.nanoTime();
        String invalidKey = "cf_invalid-secret-" + System.nanoTime() + "xxxxxxxx";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        // the test reads what is logged from its own appender; the console would only fill the build's output with
        // a few thousand DEBUG lines, so it is detached for the duration
        List<Appender<ILoggingEvent>> others = new java.util.ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(others::add);
        others.forEach(root::detachAppender);
        root.addAppender(captured);
        List<String> loud = List.of("ROOT", "io.creditflow", "org.springframework.security", "org.springframework.web",
                "org.apache.catalina", "org.apache.coyote", "org.jooq", "org.springframework.jdbc");
        Map<String, LogLevel> before = new java.util.HashMap<>();
        loud.forEach(name -> {
            var config = logging.getLoggerConfiguration(name);
            before.put(name, config == null ? null : config.getConfiguredLevel());
            logging.setLogLevel(name, LogLevel.DEBUG);
        });
        String issuedKey;
        try {
            new ConsoleSession(tenant.baseUrl()).login(tenant.user(Role.OWNER), wrongPassword);
            ConsoleSession session = new ConsoleSession(tenant.baseUrl());
            assertThat(session.login(tenant.user(Role.OWNER), TestTenants.PASSWORD)).endsWith("/console/home");
            session.get("/console/settings/api-keys");
            assertThat(tenant.api().get().uri("/api/v1/debtors").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(200);
            assertThat(TestTenants.api(tenant.baseUrl(), invalidKey).get().uri("/api/v1/debtors").retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
            issuedKey = tenant.api().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"logged?\",\"scopes\":[\"receivables:read\"]}").retrieve().body(JsonNode.class)
                    .get("key").asString();
            assertThat(TestTenants.api(tenant.baseUrl(), issuedKey).get().uri("/api/v1/debtors").retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        } finally {
            before.forEach((name, level) -> logging.setLogLevel(name, level));
            root.detachAppender(captured);
            others.forEach(root::addAppender);
        }
        assertThat(captured.list).as("DEBUG logging was captured").hasSizeGreaterThan(50);
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : List.of(TestTenants.PASSWORD, wrongPassword, tenant.apiKey(), invalidKey, issuedKey)) {
                assertThat(text).as("a secret in the log (%s)", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
