package io.creditflow.audit;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One thing worth recording: an action (past tense verb on a noun, {@code debtor.updated}, {@code debtor.read}), the
 * object it concerns, the data subject (debtor) whose personal data was touched, the purpose, and small details.
 * Details name fields and counts, never personal values: the audit log must not become a copy of the data.
 */
public record AuditEvent(String action, @Nullable String objectType, @Nullable String objectId,
                         @Nullable UUID subjectId, @Nullable String purpose, Map<String, Object> details) {

    public AuditEvent {
        details = Map.copyOf(details);
    }

    public static AuditEvent of(String action, String objectType, Object objectId) {
        return new AuditEvent(action, objectType, String.valueOf(objectId), null, null, Map.of());
    }

    public AuditEvent subject(@Nullable UUID subject) {
        return new AuditEvent(action, objectType, objectId, subject, purpose, details);
    }

    public AuditEvent purpose(@Nullable String why) {
        return new AuditEvent(action, objectType, objectId, subjectId, why, details);
    }

    public AuditEvent detail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEvent(action, objectType, objectId, subjectId, purpose, more);
    }
}
