package io.creditflow.privacy.rights;

import io.creditflow.audit.AuditTrail;
import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who read or changed the person's data, when and why (art. 15(1)(c): the recipients), from the audit log. Staff are
 * named by role, not by name: the person learns which kinds of recipient saw their data, not who the employees are.
 * The log itself is kept on erasure: it holds no personal data in clear (a pseudonymous id, actions, times) and its
 * hash chain is the tenant's proof of lawful processing.
 */
@Component
class AuditTrailContributor implements PersonalDataContributor {

    static final int LIMIT = 50_000;

    private final AuditTrail trail;

    AuditTrailContributor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public String section() {
        return "audit.trail";
    }

    @Override
    public int erasureOrder() {
        return 90;
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Audit log", "Security and accountability: who read or changed personal data",
                "Debtors (pseudonymous id) and the controller's users", List.of("debtor id", "actions and times",
                "user names", "IP addresses of users"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        trail.sealPending(TenantContext.require());
        List<Map<String, Object>> records = trail.aboutSubject(subject.debtorId(), LIMIT).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.occurredAt().toString());
            m.put("action", e.action());
            m.put("by", who(e.actorType(), e.actorName()));
            m.put("purpose", e.purpose());
            return m;
        }).toList();
        return new ExportSection(section(), "Who used your data",
                "Security and accountability: every read and change of your data is logged",
                "Creditflow's audit log", List.of(), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        int entries = trail.aboutSubject(subject.debtorId(), LIMIT).size();
        return ErasureReport.of(section()).kept("audit log entries (pseudonymous id, actions and times, no personal "
                        + "data in clear)", entries, "GDPR art. 5(2) and 32: tamper-evident log of processing, kept as "
                        + "long as the tenant's data", null).build();
    }

    private static String who(String actorType, String actorName) {
        return switch (actorType) {
            case "USER" -> "an employee of the controller";
            case "API_KEY" -> "the controller's systems (" + actorName + ")";
            case "DEBTOR" -> "you, through the portal";
            case "OPERATOR" -> "the platform operator";
            default -> "Creditflow, automatically";
        };
    }
}
