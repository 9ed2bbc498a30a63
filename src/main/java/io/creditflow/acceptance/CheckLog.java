package io.creditflow.acceptance;

import io.creditflow.acceptance.policy.Evaluation;
import io.creditflow.acceptance.sources.SourceStatus;
import io.creditflow.acceptance.verification.PhoneNumbers;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.CreditCheckRecord;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.shared.DutchPostcode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_CHECK;
import static io.creditflow.jooq.Tables.CREDIT_IDENTITY;
import static io.creditflow.jooq.Tables.CREDIT_IDENTITY_ATTRIBUTE;
import static io.creditflow.jooq.Tables.CREDIT_RESERVATION;
import static io.creditflow.jooq.Tables.CREDIT_REVIEW;

/** Reads the check log: single checks (as answered, or in full), checks about one subject, reservations. */
@Component
class CheckLog {

    private static final TypeReference<List<Evaluation.ReasonCode>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<CheckCondition>> CONDITIONS = new TypeReference<>() { };
    private static final TypeReference<List<SourceStatus>> SOURCES = new TypeReference<>() { };
    private static final TypeReference<List<Evaluation.FiredRule>> RULES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<ApplicantScorer.Factor>> FACTORS = new TypeReference<>() { };

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final ReasonTexts texts;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    CheckLog(DSLContext dsl, PersonalDataVault vault, ReasonTexts texts, AuditLog audit, JsonMapper json, Clock clock) {
        this.dsl = dsl;
        this.vault = vault;
        this.texts = texts;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    CheckResult result(UUID checkId, String language, boolean replayed) {
        CreditCheckRecord r = load(checkId);
        return toResult(r, reviews(List.of(checkId)), language, replayed);
    }

    CheckDetail detail(UUID checkId, String language) {
        CreditCheckRecord r = load(checkId);
        CheckDetail detail = toDetail(r, reviews(List.of(checkId)), language);
        audit.record(AuditEvent.of("credit-check.read", "credit-check", checkId).subject(r.getSubjectId())
                .detail("debtors", linkedDebtors(r.getIdentityId())));
        return detail;
    }

    List<CheckDetail> about(SubjectQuery q, String language) {
        if (q.isEmpty()) {
            throw new BusinessRuleException("subject-required", "Name at least one detail of the person or company.");
        }
        Set<UUID> identities = new LinkedHashSet<>();
        List<Condition> byAttribute = attributeConditions(q);
        if (!byAttribute.isEmpty()) {
            identities.addAll(dsl.selectDistinct(CREDIT_IDENTITY_ATTRIBUTE.IDENTITY_ID).from(CREDIT_IDENTITY_ATTRIBUTE)
                    .where(DSL.or(byAttribute)).fetch(CREDIT_IDENTITY_ATTRIBUTE.IDENTITY_ID));
        }
        List<byte[]> keys = new ArrayList<>();
        if (q.lastName() != null && q.firstName() != null && q.dateOfBirth() != null) {
            keys.add(IdentityKeys.personKey(vault, q.lastName(), q.firstName(), q.dateOfBirth()));
        }
        if (q.chamberOfCommerce() != null) {
            keys.add(IdentityKeys.companyKey(vault, q.chamberOfCommerce()));
        }
        if (!keys.isEmpty()) {
            identities.addAll(dsl.select(CREDIT_IDENTITY.ID).from(CREDIT_IDENTITY)
                    .where(CREDIT_IDENTITY.IDENTITY_KEY.in(keys)).fetch(CREDIT_IDENTITY.ID));
        }
        List<CreditCheckRecord> rows = identities.isEmpty() ? List.of() : dsl.selectFrom(CREDIT_CHECK)
                .where(CREDIT_CHECK.IDENTITY_ID.in(identities)).orderBy(CREDIT_CHECK.CREATED_AT.desc()).fetch();
        vault.prepareSubjects(rows.stream().map(CreditCheckRecord::getSubjectId).distinct().toList());
        Map<UUID, List<CheckDetail.Review>> reviews = reviewsByCheck(rows.stream().map(CreditCheckRecord::getId).toList());
        List<CheckDetail> details = new ArrayList<>(rows.size());
        for (CreditCheckRecord r : rows) {
            details.add(toDetail(r, reviews.getOrDefault(r.getId(), List.of()), language));
            audit.record(AuditEvent.of("credit-check.read", "credit-check", r.getId()).subject(r.getSubjectId())
                    .purpose("access request"));
        }
        return details;
    }

    /**
     * Why the automated decision came out as it did (GDPR art. 22 and art. 15(1)(h): meaningful information about the
     * logic): the reasons, the score against the cut-offs of the policy version, what every characteristic contributed,
     * the rules that fired, the sources consulted, and the data used.
     */
    Explanation explain(UUID checkId, String language) {
        CheckDetail d = detail(checkId, language);
        var policy = dsl.select(io.creditflow.jooq.Tables.CREDIT_POLICY.DOCUMENT).from(io.creditflow.jooq.Tables.CREDIT_POLICY)
                .where(io.creditflow.jooq.Tables.CREDIT_POLICY.VERSION.eq(d.result().policyVersion()))
                .fetchOne(io.creditflow.jooq.Tables.CREDIT_POLICY.DOCUMENT);
        var cutoffs = policy == null ? null : json.readValue(policy.data(),
                io.creditflow.acceptance.policy.PolicyDocument.class).cutoffs();
        List<Explanation.FactorText> factors = d.factors().stream().map(f -> new Explanation.FactorText(f.reasonCode(),
                texts.text(Evaluation.ReasonCode.of(f.reasonCode()), language), f.points(), f.maxPoints())).toList();
        return new Explanation(d.result().checkId(), d.result().decision(), d.result().finalDecision(),
                d.result().reasons(), d.result().score(), cutoffs == null ? null : cutoffs.accept(),
                cutoffs == null ? null : cutoffs.refer(), factors, d.rulesFired(), d.sources(), d.signals(),
                d.result().policyVersion(), d.scorer(), d.reviews());
    }

    io.creditflow.platform.web.CursorPage<CheckSummary> list(CheckSummary.Filter f, @Nullable String cursor, int limit) {
        Condition c = DSL.trueCondition();
        if (f.decision() != null) {
            c = c.and(CREDIT_CHECK.DECISION.eq(f.decision().name()));
        }
        if (f.variant() != null) {
            c = c.and(CREDIT_CHECK.VARIANT.eq(f.variant()));
        }
        if (f.policyVersion() != null) {
            c = c.and(CREDIT_CHECK.POLICY_VERSION.eq(f.policyVersion()));
        }
        if (f.from() != null) {
            c = c.and(CREDIT_CHECK.CREATED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(CREDIT_CHECK.CREATED_AT.lt(f.to()));
        }
        if (f.minAmount() != null) {
            c = c.and(CREDIT_CHECK.AMOUNT.ge(f.minAmount()));
        }
        if (f.applicantType() != null) {
            c = c.and(CREDIT_CHECK.APPLICANT_TYPE.eq(f.applicantType()));
        }
        String after = io.creditflow.platform.web.CursorPage.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|");
            c = c.and(DSL.row(CREDIT_CHECK.CREATED_AT, CREDIT_CHECK.ID)
                    .lt(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1])));
        }
        List<CheckSummary> rows = dsl.select(CREDIT_CHECK.ID, CREDIT_CHECK.CREATED_AT, CREDIT_CHECK.APPLICANT_TYPE,
                        CREDIT_CHECK.DECISION, CREDIT_CHECK.SCORE, CREDIT_CHECK.RISK_BAND, CREDIT_CHECK.AMOUNT,
                        CREDIT_CHECK.CREDIT_LIMIT, CREDIT_CHECK.AVAILABLE_LIMIT, CREDIT_CHECK.POLICY_VERSION,
                        CREDIT_CHECK.VARIANT, CREDIT_CHECK.LATENCY_MICROS, CREDIT_CHECK.REASONS, CREDIT_CHECK.CHANNEL)
                .from(CREDIT_CHECK).where(c).orderBy(CREDIT_CHECK.CREATED_AT.desc(), CREDIT_CHECK.ID.desc())
                .limit(limit + 1)
                .fetch(r -> new CheckSummary(r.value1(), r.value2(), r.value3(), Decision.valueOf(r.value4()),
                        r.value5() == null ? 0 : r.value5(), r.value6(), r.value7(), r.value8(), r.value9(),
                        r.value10(), r.value11(), r.value12(), firstReason(r.value13().data()), r.value14()));
        return io.creditflow.platform.web.CursorPage.of(rows, limit, s -> s.createdAt() + "|" + s.id());
    }

    private String firstReason(String reasonsJson) {
        List<Evaluation.ReasonCode> codes = json.readValue(reasonsJson, REASONS);
        return codes.stream().map(Evaluation.ReasonCode::code)
                .filter(c -> !c.equals("ACCEPTED") && !c.equals("REFERRED")).findFirst()
                .orElse(codes.isEmpty() ? "-" : codes.getFirst().code());
    }

    /** The debtors an identity is linked to, for audit entries (the person's audit trail is filed by debtor). */
    private String linkedDebtors(UUID identityId) {
        return String.join(",", dsl.select(io.creditflow.jooq.Tables.CREDIT_IDENTITY_DEBTOR.DEBTOR_ID)
                .from(io.creditflow.jooq.Tables.CREDIT_IDENTITY_DEBTOR)
                .where(io.creditflow.jooq.Tables.CREDIT_IDENTITY_DEBTOR.IDENTITY_ID.eq(identityId))
                .fetch(r -> r.value1().toString()));
    }

    void erase(UUID identityId, String reason) {
        UUID subject = dsl.select(CREDIT_IDENTITY.SUBJECT_ID).from(CREDIT_IDENTITY).where(CREDIT_IDENTITY.ID.eq(identityId))
                .forUpdate().fetchOptional(CREDIT_IDENTITY.SUBJECT_ID)
                .orElseThrow(() -> new NotFoundException("Credit identity", identityId));
        eraseIdentities(List.of(identityId));
        audit.record(AuditEvent.of("credit-identity.erased", "credit-identity", identityId).subject(subject)
                .purpose("GDPR art. 17").detail("reason", reason.length() > 200 ? reason.substring(0, 200) : reason));
    }

    /** What erasing identities did, counted for the erasure certificate. */
    record Erased(int identities, int checks, int attributes, int reviews, int debtorLinks) {
    }

    /**
     * Erases identities (GDPR art. 17), set-based: their subject keys are destroyed (the encrypted inputs and answers
     * of all their checks become unreadable, backups included), their contact-detail digests and debtor links are
     * deleted, the free text people wrote about them (review notes and reasons, the reason for a manual limit) is
     * removed, and each identity is detached from its natural key so a later check starts afresh. The decisions
     * themselves stay: the check log is append-only, the record of what was decided.
     */
    Erased eraseIdentities(java.util.Collection<UUID> identityIds) {
        if (identityIds.isEmpty()) {
            return new Erased(0, 0, 0, 0, 0);
        }
        List<UUID> subjects = dsl.select(CREDIT_IDENTITY.SUBJECT_ID).from(CREDIT_IDENTITY)
                .where(CREDIT_IDENTITY.ID.in(identityIds)).orderBy(CREDIT_IDENTITY.ID).forUpdate()
                .fetch(CREDIT_IDENTITY.SUBJECT_ID);
        subjects.forEach(vault::shred);
        int checks = dsl.fetchCount(CREDIT_CHECK, CREDIT_CHECK.IDENTITY_ID.in(identityIds));
        int attributes = dsl.deleteFrom(CREDIT_IDENTITY_ATTRIBUTE)
                .where(CREDIT_IDENTITY_ATTRIBUTE.IDENTITY_ID.in(identityIds)).execute();
        int links = dsl.deleteFrom(io.creditflow.jooq.Tables.CREDIT_IDENTITY_DEBTOR)
                .where(io.creditflow.jooq.Tables.CREDIT_IDENTITY_DEBTOR.IDENTITY_ID.in(identityIds)).execute();
        int reviews = dsl.update(CREDIT_REVIEW).setNull(CREDIT_REVIEW.REQUEST_NOTE)
                .set(CREDIT_REVIEW.REASON, DSL.when(CREDIT_REVIEW.REASON.isNotNull(), DSL.inline(ERASED_TEXT)))
                .where(CREDIT_REVIEW.CHECK_ID.in(DSL.select(CREDIT_CHECK.ID).from(CREDIT_CHECK)
                        .where(CREDIT_CHECK.IDENTITY_ID.in(identityIds)))).execute();
        dsl.update(CREDIT_IDENTITY)
                .set(CREDIT_IDENTITY.IDENTITY_KEY, DSL.field("uuid_send(gen_random_uuid())", byte[].class))
                .set(CREDIT_IDENTITY.MANUAL_LIMIT_REASON,
                        DSL.when(CREDIT_IDENTITY.MANUAL_LIMIT_REASON.isNotNull(), DSL.inline(ERASED_TEXT)))
                .set(CREDIT_IDENTITY.EXTERNAL_SUMMARY, (org.jooq.JSONB) null)
                .set(CREDIT_IDENTITY.EXTERNAL_DIGEST, (byte[]) null)
                .where(CREDIT_IDENTITY.ID.in(identityIds)).execute();
        return new Erased(subjects.size(), checks, attributes, reviews, links);
    }

    /** Replaces free text about an erased person where the column must keep a value. */
    static final String ERASED_TEXT = "[erased: GDPR art. 17]";

    /** Every check of these identities in full (decrypted), oldest first, for an access export. */
    List<CheckDetail> ofIdentities(java.util.Collection<UUID> identityIds, String language) {
        if (identityIds.isEmpty()) {
            return List.of();
        }
        List<CreditCheckRecord> rows = dsl.selectFrom(CREDIT_CHECK).where(CREDIT_CHECK.IDENTITY_ID.in(identityIds))
                .orderBy(CREDIT_CHECK.CREATED_AT, CREDIT_CHECK.ID).fetch();
        vault.prepareSubjects(rows.stream().map(CreditCheckRecord::getSubjectId).distinct().toList());
        Map<UUID, List<CheckDetail.Review>> reviews = reviewsByCheck(rows.stream().map(CreditCheckRecord::getId).toList());
        return rows.stream().map(r -> toDetail(r, reviews.getOrDefault(r.getId(), List.of()), language)).toList();
    }

    void release(UUID checkId, String reason) {
        load(checkId);
        int n = dsl.update(CREDIT_RESERVATION).set(CREDIT_RESERVATION.STATUS, "RELEASED")
                .set(CREDIT_RESERVATION.CLOSED_AT, OffsetDateTime.now(clock))
                .where(CREDIT_RESERVATION.CHECK_ID.eq(checkId))
                .and(CREDIT_RESERVATION.STATUS.in("OPEN", "PENDING_REVIEW")).execute();
        if (n == 0) {
            throw new BusinessRuleException("nothing-reserved", "Check " + checkId + " holds no open reservation.");
        }
        audit.record(AuditEvent.of("credit-check.released", "credit-check", checkId).detail("reason", reason));
    }

    private List<Condition> attributeConditions(SubjectQuery q) {
        List<Condition> c = new ArrayList<>();
        add(c, BlindIndex.EMAIL, q.email());
        add(c, BlindIndex.IBAN, q.iban());
        if (q.phone() != null) {
            String phone = q.phone();
            try {
                phone = PhoneNumbers.verify(phone, "NL").e164();
            } catch (IllegalArgumentException e) {
                // searched as given: an access request must not fail on a number libphonenumber cannot place
            }
            add(c, BlindIndex.PHONE, phone);
        }
        if (q.postcode() != null && q.houseNumber() != null) {
            String postcode = q.postcode();
            try {
                postcode = DutchPostcode.parse(postcode).value();
            } catch (IllegalArgumentException e) {
                // a foreign postcode
            }
            add(c, BlindIndex.ADDRESS, postcode + "|" + q.houseNumber());
        }
        return c;
    }

    private void add(List<Condition> conditions, BlindIndex kind, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(CREDIT_IDENTITY_ATTRIBUTE.KIND.eq(kind.name())
                    .and(CREDIT_IDENTITY_ATTRIBUTE.DIGEST.eq(vault.blindIndex(kind, value.strip()))));
        }
    }

    CreditCheckRecord load(UUID checkId) {
        return dsl.selectFrom(CREDIT_CHECK).where(CREDIT_CHECK.ID.eq(checkId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Credit check", checkId));
    }

    List<CheckDetail.Review> reviews(List<UUID> checkIds) {
        return reviewsByCheck(checkIds).values().stream().flatMap(List::stream).toList();
    }

    private Map<UUID, List<CheckDetail.Review>> reviewsByCheck(List<UUID> checkIds) {
        Map<UUID, List<CheckDetail.Review>> byCheck = new java.util.HashMap<>();
        if (checkIds.isEmpty()) {
            return byCheck;
        }
        dsl.selectFrom(CREDIT_REVIEW).where(CREDIT_REVIEW.CHECK_ID.in(checkIds)).orderBy(CREDIT_REVIEW.REQUESTED_AT)
                .forEach(r -> byCheck.computeIfAbsent(r.getCheckId(), k -> new ArrayList<>()).add(
                        new CheckDetail.Review(r.getId(), r.getKind(), r.getStatus(), r.getRequestedAt().toString(),
                                r.getRequestedBy(), r.getRequestNote(),
                                r.getDecision() == null ? null : Decision.valueOf(r.getDecision()), r.getApprovedAmount(),
                                r.getReason(), r.getDecidedBy(),
                                r.getDecidedAt() == null ? null : r.getDecidedAt().toString())));
        return byCheck;
    }

    CheckResult toResult(CreditCheckRecord r, List<CheckDetail.Review> reviews, String language, boolean replayed) {
        List<Evaluation.ReasonCode> codes = json.readValue(r.getReasons().data(), REASONS);
        Decision finalDecision = null;
        String reviewStatus = null;
        for (CheckDetail.Review review : reviews) {
            if (review.status().equals("OPEN")) {
                reviewStatus = "PENDING";
            } else if (review.decision() != null) {
                finalDecision = review.decision();
                reviewStatus = "DECIDED";
            }
        }
        return new CheckResult(r.getId(), Decision.valueOf(r.getDecision()), finalDecision,
                r.getScore() == null ? 0 : r.getScore(), r.getRiskBand(), r.getCreditLimit(), r.getAvailableLimit(),
                r.getCurrency(), texts.render(codes, language), json.readValue(r.getConditions().data(), CONDITIONS),
                reviewStatus, r.getPolicyVersion(), r.getVariant(), json.readValue(r.getSources().data(), SOURCES),
                language, r.getCreatedAt(), replayed);
    }

    private CheckDetail toDetail(CreditCheckRecord r, List<CheckDetail.Review> reviews, String language) {
        Map<String, Object> inputs = vault.decrypt(r.getSubjectId(), "credit-check/" + r.getId() + "/inputs",
                r.getInputs()).map(s -> json.readValue(s, MAP)).orElse(null);
        Map<String, Object> answers = r.getAnswers() == null ? Map.of() : vault.decrypt(r.getSubjectId(),
                "credit-check/" + r.getId() + "/answers", r.getAnswers()).map(s -> json.readValue(s, MAP)).orElse(null);
        String reservation = dsl.select(CREDIT_RESERVATION.STATUS).from(CREDIT_RESERVATION)
                .where(CREDIT_RESERVATION.CHECK_ID.eq(r.getId())).fetchOne(CREDIT_RESERVATION.STATUS);
        return new CheckDetail(toResult(r, reviews, language, false), r.getIdentityId(), r.getSubjectId(),
                new CheckDetail.Order(r.getAmount(), r.getCurrency(), r.getChannel(), r.getProductCategory(),
                        r.getOrderReference()), inputs, answers, json.readValue(r.getSignals().data(), MAP),
                json.readValue(r.getRulesFired().data(), RULES), json.readValue(r.getFactors().data(), FACTORS),
                r.getScorer(), r.getLatencyMicros(), r.getActor(),
                reservation, reviews);
    }
}
