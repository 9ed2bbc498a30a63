package io.creditflow.acceptance;

import io.creditflow.acceptance.policy.Evaluation;
import io.creditflow.acceptance.policy.PolicyEvaluator;
import io.creditflow.acceptance.sources.SourceGateway;
import io.creditflow.acceptance.verification.InputVerification;
import io.creditflow.acceptance.verification.VerifiedApplicant;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.payments.PaymentPlans;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.PersonalDataVault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Performs credit checks. One check, in one transaction: verify the input (400 with every faulty field, nothing
 * stored), pick the policy variant for the identity, start the external sources, gather the tenant's own facts under
 * the identity's row lock (so a second check of the same identity waits and then sees this one's reservation),
 * evaluate, and record the check immutably with its reservation of the limit. The same order (identity, order
 * reference, amount) asked again is answered with the first check, without a second reservation.
 */
@Component
public class CreditChecks {

    /** The window of the {@code plans.broken} signal. */
    static final int PLANS_BROKEN_MONTHS = 24;

    private final InputVerification verification;
    private final Policies policies;
    private final SourceGateway sources;
    private final CheckStatements statements;
    private final CheckLog log;
    private final PersonalDataVault vault;
    private final ReasonTexts texts;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final PaymentPlans plans;

    CreditChecks(InputVerification verification, Policies policies, SourceGateway sources, CheckStatements statements,
                 CheckLog log, PersonalDataVault vault, ReasonTexts texts, AuditLog audit, JsonMapper json,
                 Clock clock, PaymentPlans plans) {
        this.plans = plans;
        this.verification = verification;
        this.policies = policies;
        this.sources = sources;
        this.statements = statements;
        this.log = log;
        this.vault = vault;
        this.texts = texts;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** {@code fallbackLanguage} (e.g. from Accept-Language) applies when the request names none; default Dutch. */
    @Transactional
    public CheckResult perform(CheckRequest request, String fallbackLanguage) {
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.now(clock);
        Policies.Active active = policies.active();
        VerifiedApplicant a = verification.verify(request, today,
                active.champion().document().verification().allowEmailDomains());
        String language = !a.language().isEmpty() ? a.language() : "en".equals(fallbackLanguage) ? "en" : "nl";
        IdentityKeys keys = IdentityKeys.of(a, vault);
        Policies.Decider decider = active.forIdentity(keys.identityKey());
        if (!a.order().currency().equals(decider.document().currency())) {
            throw new ValidationException("The credit check has invalid fields.", List.of(new FieldError(
                    "order.currency", "this tenant's credit policy decides in " + decider.document().currency())));
        }
        SourceGateway.Pending pending = sources.ask(decider.document(), a.type(), query(a));
        CheckFacts facts = statements.begin(keys, Ids.newId(), Ids.newId(), now, today, a.order().reference(),
                decider.document().velocityWindowDays());
        if (facts.replayCheckId() != null) {
            return log.result(facts.replayCheckId(), language, true);
        }
        SourceGateway.Results answers = pending.await();
        Integer plansBroken = facts.debtorIds().isEmpty() ? null
                : plans.brokenSince(facts.debtorIds(), now.minusMonths(PLANS_BROKEN_MONTHS));
        Signals signals = SignalAssembly.of(a, facts, answers.signals(), today, plansBroken);
        Evaluation evaluation = facts.restricted()
                ? PolicyEvaluator.restricted(a.type().name(), a.order().amount(), decider.scorer())
                : PolicyEvaluator.evaluate(decider.document(), signals, decider.scorer());
        UUID checkId = Ids.newId();
        OffsetDateTime expires = now.plusDays(decider.document().exposure().reservationDays());
        List<CheckCondition> conditions = new ArrayList<>(evaluation.conditions());
        if (evaluation.decision() == Decision.ACCEPT) {
            conditions.add(CheckCondition.validUntil(expires.withOffsetSameInstant(ZoneOffset.UTC).toString()));
        }
        UUID referral = evaluation.decision() == Decision.REFER ? Ids.newId() : null;
        if (facts.identityNew()) {
            // a brand-new subject (minted for this check): create its key in one insert, without a look-up first
            vault.createSubjects(List.of(facts.subjectId()));
        }
        byte[] inputs = vault.encrypt(facts.subjectId(), "credit-check/" + checkId + "/inputs", json.writeValueAsString(a));
        byte[] answerText = answers.details().isEmpty() ? null : vault.encrypt(facts.subjectId(),
                "credit-check/" + checkId + "/answers", json.writeValueAsString(answers.details()));
        ExternalSummary external = ExternalSummary.of(answers, vault, json);
        int latency = (int) ((System.nanoTime() - started) / 1_000);
        statements.record(new CheckStatements.Row(checkId, now, facts.identityId(), facts.subjectId(),
                a.type().name(), evaluation.decision().name(), evaluation.score(), evaluation.riskBand(),
                evaluation.limit(), evaluation.available(), a.order().amount(), a.order().currency(),
                a.order().channel(), a.order().productCategory(), a.order().reference(), keys.naturalKey(),
                decider.version(), decider.variant(), evaluation.scorer(), json.writeValueAsString(evaluation.reasons()),
                json.writeValueAsString(conditions), json.writeValueAsString(evaluation.rulesFired()),
                json.writeValueAsString(evaluation.factors()),
                json.writeValueAsString(evaluation.signals().asMap()), json.writeValueAsString(answers.statuses()),
                inputs, answerText, language, latency, Actor.current().name(), reservation(evaluation.decision()),
                expires, referral, evaluation.limitSource(), external.json(), external.digest()));
        audit.record(AuditEvent.of("credit-check.performed", "credit-check", checkId).subject(facts.subjectId())
                .detail("decision", evaluation.decision().name()));
        return new CheckResult(checkId, evaluation.decision(), null, evaluation.score(), evaluation.riskBand(),
                evaluation.limit(), evaluation.available(), a.order().currency(),
                texts.render(evaluation.reasons(), language), conditions, referral == null ? null : "PENDING",
                decider.version(), decider.variant(), answers.statuses(), language, now, false);
    }

    /** ACCEPT holds its amount against the limit; REFER holds it while a person reviews; REJECT holds nothing. */
    private static String reservation(Decision decision) {
        return switch (decision) {
            case ACCEPT -> "OPEN";
            case REFER -> "PENDING_REVIEW";
            case REJECT -> null;
        };
    }

    static ExternalSource.Query query(VerifiedApplicant a) {
        return new ExternalSource.Query(a.type(), a.firstName(), a.lastName(), a.dateOfBirth(), a.companyName(),
                a.chamberOfCommerce(), a.address().street(), a.address().houseNumber(), a.address().postcode(),
                a.address().country());
    }

    /** The logged check with its inputs (decrypted; an audited read of personal data). */
    @Transactional
    public CheckDetail get(UUID checkId, String language) {
        return log.detail(checkId, language);
    }

    /** Every check about one person or company (for an access request), found through the blind indexes. */
    @Transactional
    public List<CheckDetail> about(SubjectQuery query, String language) {
        return log.about(query, language);
    }

    /** The check log, newest first, filtered (no personal data in the lines). */
    @Transactional(readOnly = true)
    public io.creditflow.platform.web.CursorPage<CheckSummary> list(CheckSummary.Filter filter,
                                                                    @org.jspecify.annotations.Nullable String cursor,
                                                                    int limit) {
        return log.list(filter, cursor, limit);
    }

    /** Why the automated decision came out as it did (for the person, on request; art. 22). */
    @Transactional
    public Explanation explain(UUID checkId, String language) {
        return log.explain(checkId, language);
    }

    /**
     * Erases the personal data of every check about one identity (GDPR art. 17): its subject key is destroyed, so the
     * encrypted inputs and answers of all its checks become unreadable, and its contact-detail digests are deleted.
     * The decisions themselves stay (amounts, codes, scores: the log of what was decided, kept for accountability).
     * The identity is detached from its natural key, so a later check of the same person starts afresh.
     */
    @Transactional
    public void erase(UUID identityId, String reason) {
        log.erase(identityId, reason);
    }

    /** Frees an open order's reservation (order cancelled, or invoiced outside Creditflow's matching). */
    @Transactional
    public void release(UUID checkId, String reason) {
        log.release(checkId, reason);
    }
}
