package io.creditflow.acceptance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.creditflow.acceptance.policy.PolicyDocument;
import io.creditflow.acceptance.policy.PolicyScorecard;
import io.creditflow.acceptance.policy.PolicyValidation;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.CreditPolicyRecord;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.creditflow.jooq.Tables.CREDIT_POLICY;

/**
 * A tenant's policy versions. Every tenant starts with {@code acceptance/default-policy.json} as version 1. A change is
 * a new DRAFT version; activating it retires the previous ACTIVE one, so every check names the exact rules it ran
 * under. The active policy is cached per node for a few seconds (a check must not cost a policy read); activation
 * clears this node's cache at once, other nodes' within {@link #CACHE_TTL}.
 */
@Component
public class Policies {

    public static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final String DEFAULT_RESOURCE = "/acceptance/default-policy.json";

    private final DSLContext dsl;
    private final JsonMapper json;
    private final ObjectReader strictReader;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, ApplicantScorer> scorers;
    private final String defaultJson;
    private final Cache<UUID, Active> active = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL)
            .maximumSize(10_000).build();

    Policies(DSLContext dsl, JsonMapper json, AuditLog audit, Clock clock, List<ApplicantScorer> scorerBeans) {
        this.dsl = dsl;
        this.json = json;
        this.strictReader = json.readerFor(PolicyDocument.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.audit = audit;
        this.clock = clock;
        this.scorers = scorerBeans.stream().collect(Collectors.toUnmodifiableMap(ApplicantScorer::id, Function.identity()));
        this.defaultJson = readDefault();
    }

    /** The deciding policy: the champion, and the challenger it names (if any) with its share. */
    public record Active(Decider champion, @Nullable Decider challenger, int challengerShare) {

        /** Stable per identity: the same person keeps getting the same variant while the split is unchanged. */
        public Decider forIdentity(byte[] identityKey) {
            if (challenger == null || challengerShare <= 0) {
                return champion;
            }
            int bucket = Math.floorMod(((identityKey[0] & 0xff) << 8) | (identityKey[1] & 0xff), 100);
            return bucket < challengerShare ? challenger : champion;
        }
    }

    /** A policy version ready to decide, with its scorer. */
    public record Decider(int version, String variant, PolicyDocument document, ApplicantScorer scorer) {
    }

    public Active active() {
        UUID tenant = TenantContext.require();
        return active.get(tenant, t -> loadActive());
    }

    private Active loadActive() {
        CreditPolicyRecord row = dsl.selectFrom(CREDIT_POLICY).where(CREDIT_POLICY.STATUS.eq("ACTIVE")).fetchOne();
        if (row == null) {
            row = createDefault();
        }
        PolicyDocument champion = parse(row.getDocument().data());
        Decider challenger = null;
        int share = 0;
        if (champion.challenger() != null && champion.challenger().sharePercent() > 0) {
            CreditPolicyRecord c = dsl.selectFrom(CREDIT_POLICY)
                    .where(CREDIT_POLICY.VERSION.eq(champion.challenger().version())).fetchOne();
            if (c != null) {
                challenger = decider(c.getVersion(), "CHALLENGER", parse(c.getDocument().data()));
                share = champion.challenger().sharePercent();
            }
        }
        return new Active(decider(row.getVersion(), "CHAMPION", champion), challenger, share);
    }

    /** Version 1 from the shipped default; concurrent first checks of a new tenant insert it once. */
    private CreditPolicyRecord createDefault() {
        dsl.insertInto(CREDIT_POLICY).set(CREDIT_POLICY.TENANT_ID, TenantContext.require())
                .set(CREDIT_POLICY.VERSION, 1).set(CREDIT_POLICY.STATUS, "ACTIVE")
                .set(CREDIT_POLICY.DOCUMENT, JSONB.valueOf(defaultJson))
                .set(CREDIT_POLICY.NOTE, "Creditflow default policy").set(CREDIT_POLICY.CREATED_BY, "system")
                .set(CREDIT_POLICY.ACTIVATED_AT, OffsetDateTime.now(clock)).set(CREDIT_POLICY.ACTIVATED_BY, "system")
                .onConflictDoNothing().execute();
        return dsl.selectFrom(CREDIT_POLICY).where(CREDIT_POLICY.STATUS.eq("ACTIVE")).fetchSingle();
    }

    public Decider decider(int version, String variant, PolicyDocument document) {
        ApplicantScorer scorer = PolicyDocument.POLICY_SCORECARD.equals(document.scorer())
                ? new PolicyScorecard(java.util.Objects.requireNonNull(document.scorecard()), version)
                : scorers.get(document.scorer());
        if (scorer == null) {
            throw new IllegalStateException("Policy version " + version + " names scorer '" + document.scorer()
                    + "', which is not installed");
        }
        return new Decider(version, variant, document, scorer);
    }

    @Transactional
    public List<PolicyVersion> versions() {
        active();
        return dsl.selectFrom(CREDIT_POLICY).orderBy(CREDIT_POLICY.VERSION.desc()).fetch().map(this::toVersion);
    }

    @Transactional
    public PolicyVersion version(int version) {
        active();
        return dsl.selectFrom(CREDIT_POLICY).where(CREDIT_POLICY.VERSION.eq(version)).fetchOptional()
                .map(this::toVersion).orElseThrow(() -> new NotFoundException("Policy version", version));
    }

    /** Validates and stores a new draft version; returns it. */
    @Transactional
    public PolicyVersion saveDraft(String documentJson, @Nullable String note) {
        PolicyDocument document = parseChecked(documentJson);
        active();
        int next = dsl.select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.max(CREDIT_POLICY.VERSION), 0))
                .from(CREDIT_POLICY).fetchSingle().value1() + 1;
        dsl.insertInto(CREDIT_POLICY).set(CREDIT_POLICY.TENANT_ID, TenantContext.require())
                .set(CREDIT_POLICY.VERSION, next).set(CREDIT_POLICY.STATUS, "DRAFT")
                .set(CREDIT_POLICY.DOCUMENT, JSONB.valueOf(json.writeValueAsString(document)))
                .set(CREDIT_POLICY.NOTE, note).set(CREDIT_POLICY.CREATED_BY, Actor.current().name()).execute();
        audit.record(AuditEvent.of("credit-policy.drafted", "credit-policy", next));
        return version(next);
    }

    /** Makes a draft (or a retired version, to roll back) the active policy. */
    @Transactional
    public PolicyVersion activate(int version) {
        CreditPolicyRecord row = dsl.selectFrom(CREDIT_POLICY).where(CREDIT_POLICY.VERSION.eq(version)).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException("Policy version", version));
        if ("ACTIVE".equals(row.getStatus())) {
            return toVersion(row);
        }
        PolicyDocument document = parse(row.getDocument().data());
        if (document.challenger() != null) {
            int challenger = document.challenger().version();
            if (challenger == version || !dsl.fetchExists(CREDIT_POLICY, CREDIT_POLICY.VERSION.eq(challenger))) {
                throw new BusinessRuleException("invalid-challenger", "The challenger must be another saved version.",
                        List.of(new FieldError("challenger.version", "no such other version: " + challenger)));
            }
        }
        dsl.update(CREDIT_POLICY).set(CREDIT_POLICY.STATUS, "RETIRED").where(CREDIT_POLICY.STATUS.eq("ACTIVE")).execute();
        dsl.update(CREDIT_POLICY).set(CREDIT_POLICY.STATUS, "ACTIVE")
                .set(CREDIT_POLICY.ACTIVATED_AT, OffsetDateTime.now(clock))
                .set(CREDIT_POLICY.ACTIVATED_BY, Actor.current().name())
                .where(CREDIT_POLICY.VERSION.eq(version)).execute();
        audit.record(AuditEvent.of("credit-policy.activated", "credit-policy", version));
        active.invalidate(TenantContext.require());
        return version(version);
    }

    /** Parses and validates a policy document; field errors name the JSON path. */
    public PolicyDocument parseChecked(String documentJson) {
        PolicyDocument document;
        try {
            document = strictReader.readValue(documentJson);
        } catch (JacksonException e) {
            throw new ValidationException("The policy is not a valid policy document.",
                    List.of(new FieldError(path(e), e.getOriginalMessage() == null ? "invalid" : e.getOriginalMessage())));
        }
        List<FieldError> errors = PolicyValidation.check(document, scorers.keySet());
        if (!errors.isEmpty()) {
            throw new ValidationException("The policy has invalid fields.", errors);
        }
        return document;
    }

    public String defaultJson() {
        return defaultJson;
    }

    public String pretty(PolicyDocument document) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /** A stored policy document (already validated when it was saved). */
    public PolicyDocument document(String documentJson) {
        return parse(documentJson);
    }

    private PolicyDocument parse(String documentJson) {
        return json.readValue(documentJson, PolicyDocument.class);
    }

    private PolicyVersion toVersion(CreditPolicyRecord r) {
        PolicyDocument document = parse(r.getDocument().data());
        return new PolicyVersion(r.getVersion(), r.getStatus(), document, pretty(document), r.getNote(),
                r.getCreatedAt(), r.getCreatedBy(), r.getActivatedAt(), r.getActivatedBy());
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "document" : sb.toString();
    }

    private static String readDefault() {
        try (InputStream in = Policies.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
