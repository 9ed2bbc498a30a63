package io.creditflow.privacy.records;

import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.OutboundIntegration;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PrivacySettings;
import io.creditflow.privacy.keys.MasterKey;
import io.creditflow.privacy.lifecycle.RetentionSchedule;
import io.creditflow.privacy.rights.Contributors;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.creditflow.jooq.Tables.API_KEY;
import static io.creditflow.jooq.Tables.AUDIT_CHAIN_HEAD;
import static io.creditflow.jooq.Tables.DEBTOR;
import static io.creditflow.jooq.Tables.SUBJECT_KEY;
import static io.creditflow.jooq.Tables.TENANT_KEY;

/**
 * The processor's record of processing for one controller (GDPR art. 30(2)), generated from what is running rather
 * than kept by hand: the processing activities the installed modules declare, the tenant's purposes, the sub-processors
 * in the registry and every outbound integration actually configured (matched to the registry by service and host, so
 * an unregistered one stands out), transfers outside the EEA with their safeguards against the tenant's residency
 * setting, the security measures as configured and observed (keys, row-level security, audit chain, access control),
 * and the retention schedule.
 */
@Component
public class RecordsOfProcessing {

    public static final String FORMAT = "creditflow.records-of-processing";

    private final Contributors contributors;
    private final PrivacySettings settings;
    private final SubProcessors subProcessors;
    private final ObjectProvider<OutboundIntegration.Source> integrations;
    private final RetentionSchedule retention;
    private final Tenants tenants;
    private final MasterKey masterKey;
    private final DSLContext dsl;
    private final Environment env;
    private final Clock clock;

    RecordsOfProcessing(Contributors contributors, PrivacySettings settings, SubProcessors subProcessors,
                        ObjectProvider<OutboundIntegration.Source> integrations, RetentionSchedule retention,
                        Tenants tenants, MasterKey masterKey, DSLContext dsl, Environment env, Clock clock) {
        this.contributors = contributors;
        this.settings = settings;
        this.subProcessors = subProcessors;
        this.integrations = integrations;
        this.retention = retention;
        this.tenants = tenants;
        this.masterKey = masterKey;
        this.dsl = dsl;
        this.env = env;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> generate() {
        var tenant = tenants.find(TenantContext.require());
        var s = settings.current();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("format", FORMAT);
        r.put("version", 1);
        r.put("generatedAt", OffsetDateTime.now(clock).toString());
        r.put("processor", Map.of("name", env.getProperty("creditflow.privacy.processor-name", "Creditflow"),
                "contact", env.getProperty("creditflow.privacy.processor-contact", "see the processor agreement")));
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("name", tenant.name());
        controller.put("contact", s.controllerContact());
        controller.put("since", tenant.createdAt().toLocalDate().toString());
        r.put("controller", controller);
        r.put("purposes", s.purposes().stream().sorted().map(p -> Map.of("code", p.name(), "description",
                p.description())).toList());
        r.put("crossTenantUse", s.crossTenantOptIn() ? "opted in by the controller" : "none: the controller's data "
                + "is used for the controller only");
        r.put("categoriesOfProcessing", activities());
        r.put("dataSubjects", Map.of("debtors", dsl.fetchCount(DEBTOR)));
        List<SubProcessors.SubProcessor> active = subProcessors.active();
        r.put("subProcessors", active.stream().map(RecordsOfProcessing::subProcessor).toList());
        r.put("integrations", integrations(active));
        r.put("transfers", transfers(active, s.eeaOnly()));
        r.put("residency", s.residency());
        r.put("securityMeasures", securityMeasures());
        r.put("retention", retention.rules().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", x.category());
            m.put("description", x.description());
            m.put("days", x.days());
            m.put("enforced", x.enabled());
            m.put("ground", x.ground());
            return m;
        }).toList());
        return r;
    }

    private List<Map<String, Object>> activities() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PersonalDataContributor c : contributors.inExportOrder()) {
            PersonalDataContributor.ProcessingActivity a = c.activity();
            if (a != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("activity", a.name());
                m.put("purpose", a.purpose());
                m.put("dataSubjects", a.dataSubjects());
                m.put("personalData", a.dataCategories());
                m.put("section", c.section());
                out.add(m);
            }
        }
        return out;
    }

    private List<Map<String, Object>> integrations(List<SubProcessors.SubProcessor> registry) {
        List<Map<String, Object>> out = new ArrayList<>();
        integrations.orderedStream().flatMap(src -> src.outboundIntegrations().stream()).forEach(i -> {
            Optional<SubProcessors.SubProcessor> match = registry.stream()
                    .filter(sp -> sp.service().equals(i.service()))
                    .filter(sp -> i.host() == null || sp.host() == null || i.host().equalsIgnoreCase(sp.host())
                            || i.host().toLowerCase().endsWith("." + sp.host().toLowerCase()))
                    .findFirst();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", i.service());
            m.put("description", i.description());
            m.put("host", i.host());
            m.put("dataCategories", i.dataCategories());
            m.put("status", !i.external() ? "INTERNAL" : match.isPresent() ? "REGISTERED" : "UNREGISTERED");
            m.put("subProcessor", i.external() ? match.map(SubProcessors.SubProcessor::name).orElse(null) : null);
            m.put("region", i.external() ? match.map(SubProcessors.SubProcessor::country).orElse(null) : null);
            out.add(m);
        });
        return out;
    }

    private static List<Map<String, Object>> transfers(List<SubProcessors.SubProcessor> active, boolean eeaOnly) {
        return active.stream().filter(sp -> !sp.inEea()).map(sp -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subProcessor", sp.name());
            m.put("country", sp.country());
            m.put("safeguard", sp.safeguard());
            m.put("dataCategories", sp.dataCategories());
            m.put("allowedByResidency", !eeaOnly);
            return m;
        }).toList();
    }

    private List<Map<String, Object>> securityMeasures() {
        List<Map<String, Object>> m = new ArrayList<>();
        var keys = dsl.selectFrom(TENANT_KEY).orderBy(TENANT_KEY.VERSION).fetch();
        var primary = keys.stream().filter(k -> Boolean.TRUE.equals(k.getIsPrimary())).findFirst();
        int subjects = dsl.fetchCount(SUBJECT_KEY, SUBJECT_KEY.WRAPPED_KEYSET.isNotNull());
        int shredded = dsl.fetchCount(SUBJECT_KEY, SUBJECT_KEY.DESTROYED_AT.isNotNull());
        m.add(measure("Encryption at rest", "Personal data is encrypted with AES-256-GCM under a key per data subject "
                + "(" + subjects + " active, " + shredded + " destroyed by erasure); subject keys are wrapped by the "
                + "tenant key (version " + primary.map(k -> k.getVersion().toString()).orElse("-") + ", created "
                + primary.map(k -> k.getCreatedAt().toLocalDate().toString()).orElse("-") + "), which is wrapped by a "
                + "master key " + (masterKey.fromEnvironment() ? "from the environment" : "from a key file")
                + ". Exact search goes through keyed blind indexes."));
        long rls = dsl.resultQuery("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = 'public' and c.relrowsecurity").fetchSingle().get(0, Long.class);
        m.add(measure("Tenant isolation", "PostgreSQL row-level security on " + rls + " tables: the database itself "
                + "shows a tenant's rows only to that tenant's transactions; the application role cannot bypass it."));
        Long seq = dsl.select(AUDIT_CHAIN_HEAD.SEQ).from(AUDIT_CHAIN_HEAD).fetchOptional(AUDIT_CHAIN_HEAD.SEQ)
                .orElse(0L);
        m.add(measure("Logging", "Every change and every read of personal data is recorded in a hash-chained, "
                + "append-only audit log (" + seq + " entries); verification names the first altered entry."));
        int activeKeys = dsl.fetchCount(API_KEY, API_KEY.REVOKED_AT.isNull());
        m.add(measure("Access control", "Roles with least privilege (auditor, viewer, collector, credit manager, "
                + "admin, owner); " + activeKeys + " active API keys, each with scopes and a rate limit (default "
                + env.getProperty("creditflow.security.api-rate-limit.per-second", "5000") + " requests/s); the "
                + "platform operator has no access to debtor data."));
        m.add(measure("Authentication", "Passwords hashed with Argon2id; a login is locked after 5 failed attempts; "
                + "attempts per address are throttled; API keys are 256-bit random and stored as SHA-256."));
        m.add(measure("Console", "CSRF tokens on every form, a Content-Security-Policy without inline script, frame "
                + "denial, HSTS over HTTPS, a new session id at sign-in, idle timeout "
                + env.getProperty("server.servlet.session.timeout", "30m") + "."));
        m.add(measure("Erasure and deletion", "Erasure destroys the data subject's key (crypto-shredding), deletes "
                + "search indexes and rendered documents, and issues a certificate; offboarding deletes every table "
                + "of the tenant and its keys and issues a deletion certificate."));
        return m;
    }

    private static Map<String, Object> measure(String name, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", name);
        m.put("description", description);
        return m;
    }

    private static Map<String, Object> subProcessor(SubProcessors.SubProcessor sp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", sp.name());
        m.put("service", sp.service());
        m.put("purpose", sp.purpose());
        m.put("country", sp.country());
        m.put("inEea", sp.inEea());
        m.put("safeguard", sp.safeguard());
        m.put("dataCategories", sp.dataCategories());
        m.put("since", sp.activeFrom().toString());
        return m;
    }
}
