package io.creditflow.privacy.rights;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.DataSubjectRequests;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PrivacySettings;
import io.creditflow.privacy.lifecycle.RetentionSchedule;
import io.creditflow.privacy.records.SubProcessors;
import io.creditflow.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The access export of one debtor (GDPR art. 15 and 20): every module's section with the data decrypted, plus what
 * art. 15 requires besides the data: purposes, recipients (the sub-processors the data goes to), retention periods,
 * the source, the logic of automated decisions and the person's rights. Structured and machine-readable (JSON, the
 * schema is docs/privacy/access-export.md); the same content renders as a readable PDF. Generating it is an audited
 * read of personal data; with a request id it completes the access request.
 */
@Component
public class AccessExports {

    public static final String FORMAT = "creditflow.access-export";
    public static final int VERSION = 1;

    private final Contributors contributors;
    private final PrivacySettings settings;
    private final SubProcessors subProcessors;
    private final RetentionSchedule retention;
    private final DataSubjectRequests requests;
    private final Tenants tenants;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    AccessExports(Contributors contributors, PrivacySettings settings, SubProcessors subProcessors,
                  RetentionSchedule retention, DataSubjectRequests requests, Tenants tenants, AuditLog audit,
                  JsonMapper json, Clock clock) {
        this.contributors = contributors;
        this.settings = settings;
        this.subProcessors = subProcessors;
        this.retention = retention;
        this.requests = requests;
        this.tenants = tenants;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The export as a JSON-shaped tree (ordered maps and lists of plain values). */
    @Transactional
    public Map<String, Object> export(UUID debtorId, @Nullable UUID requestId) {
        DataSubject subject = contributors.subject(debtorId);
        List<ExportSection> sections = new ArrayList<>();
        for (PersonalDataContributor c : contributors.inExportOrder()) {
            sections.add(c.export(subject));
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", FORMAT);
        export.put("version", VERSION);
        export.put("generatedAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toString());
        export.put("generatedBy", Actor.current().name());
        export.put("controller", controller());
        export.put("processor", Map.of("name", "Creditflow", "role",
                "processor on behalf of the controller (GDPR art. 28)"));
        export.put("request", requestId == null ? null : request(requestId));
        export.put("subject", Map.of("debtorId", debtorId.toString(), "reference", contributors.reference(debtorId)));
        export.put("purposes", purposes());
        export.put("recipients", recipients(sections));
        export.put("retention", retention());
        export.put("automatedDecisions", automatedDecisions());
        export.put("rights", rights());
        export.put("sections", sections.stream().map(AccessExports::section).toList());
        audit.record(AuditEvent.of("privacy.access-exported", "debtor", debtorId).subject(debtorId)
                .detail("sections", sections.size()));
        if (requestId != null) {
            requests.completeIfOpen(requestId, debtorId, DataSubjectRequests.Type.ACCESS, "EXPORTED",
                    "access export " + sha256(json.writeValueAsBytes(export)).substring(0, 16));
        }
        return export;
    }

    /**
     * The sections of one debtor without auditing each (the tenant export bundle records one entry for all) and
     * without the per-person audit trail and API-response copies (the bundle carries those tables whole).
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> sectionsForBundle(UUID debtorId) {
        DataSubject subject = contributors.subject(debtorId);
        return contributors.inExportOrder().stream()
                .filter(c -> !c.section().equals("audit.trail") && !c.section().equals("platform.api-responses"))
                .map(c -> section(c.export(subject))).toList();
    }

    private Map<String, Object> controller() {
        var tenant = tenants.find(TenantContext.require());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", tenant.name());
        m.put("contact", settings.current().controllerContact());
        return m;
    }

    private Map<String, Object> request(UUID requestId) {
        var r = requests.get(requestId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("type", r.type().name());
        m.put("receivedOn", r.receivedOn().toString());
        m.put("dueOn", r.dueDate().toString());
        return m;
    }

    private List<Map<String, Object>> purposes() {
        return settings.current().purposes().stream().sorted().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", p.name());
            m.put("description", p.description());
            return m;
        }).toList();
    }

    /** Who receives the data: hosting always, plus the services the sections name, from the registry. */
    private List<Map<String, Object>> recipients(List<ExportSection> sections) {
        Set<String> services = new LinkedHashSet<>();
        services.add("HOSTING");
        sections.forEach(s -> services.addAll(s.recipientKinds()));
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("name", tenants.find(TenantContext.require()).name());
        controller.put("service", "CONTROLLER");
        controller.put("country", null);
        controller.put("inEea", null);
        controller.put("safeguard", null);
        controller.put("dataCategories", List.of("all data in this export"));
        out.add(controller);
        for (var s : subProcessors.activeFor(services)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("service", s.service());
            m.put("country", s.country());
            m.put("inEea", s.inEea());
            m.put("safeguard", s.safeguard());
            m.put("dataCategories", s.dataCategories());
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> retention() {
        return retention.rules().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", r.category());
            m.put("description", r.description());
            m.put("days", r.days());
            m.put("ground", r.ground());
            return m;
        }).toList();
    }

    private Map<String, Object> automatedDecisions() {
        var s = settings.current();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditChecks", s.allows(PrivacySettings.Purpose.CREDIT_LIMITS)
                ? "Before an order on credit, a credit check combines knock-out rules (age, insolvency), a score from "
                + "payment behaviour and the data you gave, and your current exposure against a credit limit. The "
                + "answer is accept, refer to a person, or reject, always with the reasons listed in the section "
                + "of the check. You may ask for a person to review any automated decision (GDPR art. 22)."
                : "not used");
        m.put("scoring", s.allows(PrivacySettings.Purpose.SCORING)
                ? "Collectability scores estimate from current and historical collection data (amounts, days "
                + "overdue, payment history, reminders sent) how likely an open invoice is to be paid; they decide "
                + "the order of work and the reminder route, not whether you owe."
                : "not used");
        return m;
    }

    private static List<String> rights() {
        return List.of(
                "Rectification (art. 16): ask for incorrect data to be corrected; while the controller verifies it, "
                        + "the data is marked as contested by you.",
                "Erasure (art. 17): ask for your data to be erased; data the law requires to be kept (invoices for "
                        + "seven years of fiscal retention) or that a legal claim needs is kept in minimised form.",
                "Restriction (art. 18): ask that your data is only stored, not used, while a question is settled.",
                "Objection (art. 21) and human review of automated decisions (art. 22).",
                "Portability (art. 20): this export is structured and machine-readable (JSON).",
                "Complaint: to the Autoriteit Persoonsgegevens (the Dutch data protection authority) or the "
                        + "authority of your country.");
    }

    private static Map<String, Object> section(ExportSection s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", s.section());
        m.put("title", s.title());
        m.put("purpose", s.purpose());
        m.put("source", s.source());
        m.put("recipients", s.recipientKinds());
        m.put("records", s.records());
        return m;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
