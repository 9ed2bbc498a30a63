package io.creditflow;

import io.creditflow.support.CreditflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
class ApplicationStartsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealth() {
        String body = RestClient.create("http://localhost:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class);
        assertThat(body).contains("\"status\":\"UP\"");
    }
}
