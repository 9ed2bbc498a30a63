package io.creditflow.acceptance;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.NotFoundException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_ALERT;

/** Monitoring alerts as the console shows them; acknowledging one closes it (a new finding opens a new one). */
@Component
public class CreditAlerts {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;

    CreditAlerts(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    public record Alert(UUID id, UUID identityId, String kind, String details, OffsetDateTime createdAt) {
    }

    @Transactional(readOnly = true)
    public List<Alert> open(int limit) {
        return dsl.selectFrom(CREDIT_ALERT).where(CREDIT_ALERT.ACKNOWLEDGED_AT.isNull())
                .orderBy(CREDIT_ALERT.CREATED_AT.desc()).limit(limit)
                .fetch(r -> new Alert(r.getId(), r.getIdentityId(), r.getKind(), r.getDetails().data(), r.getCreatedAt()));
    }

    @Transactional
    public void acknowledge(UUID alertId) {
        int n = dsl.update(CREDIT_ALERT).set(CREDIT_ALERT.ACKNOWLEDGED_AT, OffsetDateTime.now(clock))
                .set(CREDIT_ALERT.ACKNOWLEDGED_BY, Actor.current().name())
                .where(CREDIT_ALERT.ID.eq(alertId)).and(CREDIT_ALERT.ACKNOWLEDGED_AT.isNull()).execute();
        if (n == 0) {
            throw new NotFoundException("Open alert", alertId);
        }
        audit.record(AuditEvent.of("credit-alert.acknowledged", "credit-alert", alertId));
    }
}
