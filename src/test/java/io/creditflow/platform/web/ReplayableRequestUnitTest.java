package io.creditflow.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayableRequestUnitTest {

    /** Sizes around the in-memory limit: small bodies stay in memory, larger ones go to a file deleted on close. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2_000, ReplayableRequest.IN_MEMORY_LIMIT - 1, ReplayableRequest.IN_MEMORY_LIMIT,
            ReplayableRequest.IN_MEMORY_LIMIT + 1, 3 * ReplayableRequest.IN_MEMORY_LIMIT + 17})
    void theBodyIsHashedAndReadAgainWhole(int size) throws Exception {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        MockHttpServletRequest original = new MockHttpServletRequest("POST", "/api/v1/credit-checks");
        original.setContentType("application/json");
        original.setContent(body);
        Path spool;
        try (ReplayableRequest replayable = ReplayableRequest.of(original)) {
            assertThat(replayable.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(body));
            spool = replayable.spool();
            if (size > ReplayableRequest.IN_MEMORY_LIMIT) {
                assertThat(spool).exists().hasSize(size);
            } else {
                assertThat(spool).isNull();
            }
            for (int read = 0; read < 2; read++) {
                try (InputStream in = replayable.request().getInputStream()) {
                    assertThat(in.readAllBytes()).isEqualTo(body);
                }
            }
        }
        if (spool != null) {
            assertThat(spool).doesNotExist();
        }
    }
}
