package io.creditflow.audit;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The hash of an audit entry: SHA-256 over the previous entry's hash, the tenant and the entry's canonical content.
 * Canonical means unambiguous: numbers as fixed-width integers, strings length-prefixed (null distinct from empty),
 * time as epoch microseconds (what PostgreSQL stores).
 */
final class AuditChain {

    static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    record Content(long seq, Instant occurredAt, String actorType, @Nullable String actorId, @Nullable String actorName,
                   String action, @Nullable String objectType, @Nullable String objectId, @Nullable UUID subjectId,
                   @Nullable String sourceIp, @Nullable String purpose, @Nullable String details) {
    }

    static byte[] hash(byte[] previous, UUID tenant, Content c) {
        MessageDigest digest = sha256();
        digest.update(previous);
        ByteBuffer fixed = ByteBuffer.allocate(32);
        fixed.putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits());
        fixed.putLong(c.seq());
        fixed.putLong(micros(c.occurredAt()));
        digest.update(fixed.array());
        for (String field : new String[] {c.actorType(), c.actorId(), c.actorName(), c.action(), c.objectType(),
                c.objectId(), c.subjectId() == null ? null : c.subjectId().toString(), c.sourceIp(), c.purpose(),
                c.details()}) {
            update(digest, field);
        }
        return digest.digest();
    }

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void update(MessageDigest digest, @Nullable String field) {
        if (field == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
