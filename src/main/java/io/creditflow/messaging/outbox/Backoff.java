package io.creditflow.messaging.outbox;

import java.time.Duration;
import java.util.UUID;

/**
 * Retry delays: exponential from {@code base}, capped at {@code max}, with up to 20 % jitter derived from the message
 * id (deterministic, so a test can compute it; spread, so a recovered SMTP server is not hit by every message at once).
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    public Duration delay(UUID messageId, int attempts) {
        long baseMillis = base.toMillis();
        long exp = baseMillis << Math.min(30, Math.max(0, attempts - 1));
        long capped = exp <= 0 ? max.toMillis() : Math.min(max.toMillis(), exp);
        long jitter = Math.floorMod(messageId.getLeastSignificantBits(), 1000L) * capped / 5000L;
        return Duration.ofMillis(capped + jitter);
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
