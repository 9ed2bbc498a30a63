package io.creditflow.audit;

import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records audit events. Inside a writing transaction the entry commits (or rolls back) with the change it describes;
 * otherwise (reads, read-only transactions) it is written in a transaction of its own. Entries are chained by the
 * {@link AuditSealer} within seconds of commit.
 */
@Component
public class AuditLog {

    /** Clients may say why they read or change data; recorded as the purpose. */
    public static final String PURPOSE_HEADER = "X-Creditflow-Purpose";

    private final DataSource dataSource;
    private final Clock clock;
    private final JsonMapper json;
    private final AuditSealer sealer;
    private final TransactionTemplate ownTransaction;

    AuditLog(DataSource dataSource, Clock clock, JsonMapper json, AuditSealer sealer, PlatformTransactionManager tm) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.json = json;
        this.sealer = sealer;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        UUID tenant = TenantContext.current().orElse(TenantContext.PLATFORM);
        Actor actor = Actor.current();
        HttpServletRequest request = currentRequest();
        String ip = request == null ? null : request.getRemoteAddr();
        String headerPurpose = request == null ? null : request.getHeader(PURPOSE_HEADER);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            String purpose = e.purpose() != null ? e.purpose() : truncate(headerPurpose);
            rows.add(new Object[] {tenant, now, actor.type().name(), actor.id(), actor.name(), e.action(),
                    e.objectType(), e.objectId(), e.subjectId(), ip, purpose,
                    e.details().isEmpty() ? null : json.writeValueAsString(e.details())});
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            insert(rows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sealer.requestSeal(tenant);
                }
            });
        } else {
            ownTransaction.executeWithoutResult(s -> insert(rows));
            sealer.requestSeal(tenant);
        }
    }

    private void insert(List<Object[]> rows) {
        ConstantInsert.run(dataSource, INSERT, rows, "Failed recording an audit entry");
    }

    private static final String INSERT = """
            insert into audit_pending (tenant_id, occurred_at, actor_type, actor_id, actor_name, action, object_type,
                                       object_id, subject_id, source_ip, purpose, details)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static @Nullable String truncate(@Nullable String purpose) {
        return purpose == null || purpose.length() <= 200 ? purpose : purpose.substring(0, 200);
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
