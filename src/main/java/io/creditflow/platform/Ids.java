package io.creditflow.platform;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New identifiers: UUID version 7 (RFC 9562), time-ordered, so that rows created together sit together in the
 * primary-key index (bulk imports of millions of rows stay fast) while ids remain unguessable.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextLong();
        long randB = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
