package io.creditflow.acceptance;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.CreditReviewRecord;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ConflictException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_CHECK;
import static io.creditflow.jooq.Tables.CREDIT_IDENTITY_DEBTOR;
import static io.creditflow.jooq.Tables.CREDIT_POLICY;
import static io.creditflow.jooq.Tables.CREDIT_RESERVATION;
import static io.creditflow.jooq.Tables.CREDIT_REVIEW;

/**
 * Human review. Every REFER enters the queue; any automated decision can be put in it on the person's request (GDPR
 * art. 22: the right to human intervention). A reviewer with {@code checks:review} decides ACCEPT or REJECT with a
 * reason (required, audited); the check's own record never changes, the review is its own row. An accepted review
 * holds the (approved) amount against the limit like an automated acceptance; a rejected one frees it.
 */
@Component
public class ReviewQueue {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final WebhookSender webhooks;
    private final Policies policies;
    private final Clock clock;

    ReviewQueue(DSLContext dsl, AuditLog audit, ApplicationEventPublisher events, WebhookSender webhooks,
                Policies policies, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.events = events;
        this.webhooks = webhooks;
        this.policies = policies;
        this.clock = clock;
    }

    /** An entry of the queue with what a reviewer needs to see first (the detail is one click away). */
    public record Item(UUID reviewId, UUID checkId, String kind, String status, OffsetDateTime requestedAt,
                       @Nullable String requestNote, String applicantType, Decision automatedDecision, int score,
                       String riskBand, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal availableLimit) {
    }

    /**
     * The open reviews. Their notes are free text by or about the applicants, so the read is audited, naming the
     * debtors the checks are linked to (the access export's audit trail finds it by them).
     */
    @Transactional(readOnly = true)
    public List<Item> open(int limit) {
        List<Item> items = openItems(limit);
        if (!items.isEmpty()) {
            List<String> debtors = dsl.selectDistinct(CREDIT_IDENTITY_DEBTOR.DEBTOR_ID).from(CREDIT_IDENTITY_DEBTOR)
                    .join(CREDIT_CHECK).on(CREDIT_CHECK.TENANT_ID.eq(CREDIT_IDENTITY_DEBTOR.TENANT_ID)
                            .and(CREDIT_CHECK.IDENTITY_ID.eq(CREDIT_IDENTITY_DEBTOR.IDENTITY_ID)))
                    .where(CREDIT_CHECK.ID.in(items.stream().map(Item::checkId).toList()))
                    .fetch(r -> r.value1().toString());
            audit.record(AuditEvent.of("credit-reviews.read", "credit-review", "open").detail("reviews", items.size())
                    .detail("debtors", String.join(",", debtors)));
        }
        return items;
    }

    private List<Item> openItems(int limit) {
        return dsl.select(CREDIT_REVIEW.ID, CREDIT_REVIEW.CHECK_ID, CREDIT_REVIEW.KIND, CREDIT_REVIEW.STATUS,
                        CREDIT_REVIEW.REQUESTED_AT, CREDIT_REVIEW.REQUEST_NOTE, CREDIT_CHECK.APPLICANT_TYPE,
                        CREDIT_CHECK.DECISION, CREDIT_CHECK.SCORE, CREDIT_CHECK.RISK_BAND, CREDIT_CHECK.AMOUNT,
                        CREDIT_CHECK.AVAILABLE_LIMIT)
                .from(CREDIT_REVIEW).join(CREDIT_CHECK).on(CREDIT_CHECK.TENANT_ID.eq(CREDIT_REVIEW.TENANT_ID)
                        .and(CREDIT_CHECK.ID.eq(CREDIT_REVIEW.CHECK_ID)))
                .where(CREDIT_REVIEW.STATUS.eq("OPEN")).orderBy(CREDIT_REVIEW.REQUESTED_AT).limit(limit)
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), Decision.valueOf(r.value8()), r.value9() == null ? 0 : r.value9(), r.value10(),
                        r.value11(), r.value12()));
    }

    /** The person asks for a human to look at an automated decision (art. 22); one open request per check. */
    @Transactional
    public UUID request(UUID checkId, @Nullable String note) {
        var check = dsl.selectFrom(CREDIT_CHECK).where(CREDIT_CHECK.ID.eq(checkId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Credit check", checkId));
        if (dsl.fetchExists(CREDIT_REVIEW, CREDIT_REVIEW.CHECK_ID.eq(checkId).and(CREDIT_REVIEW.STATUS.eq("OPEN")))) {
            throw new ConflictException("Check " + checkId + " is already waiting for review.");
        }
        UUID id = Ids.newId();
        dsl.insertInto(CREDIT_REVIEW).set(CREDIT_REVIEW.TENANT_ID, TenantContext.require()).set(CREDIT_REVIEW.ID, id)
                .set(CREDIT_REVIEW.CHECK_ID, checkId).set(CREDIT_REVIEW.KIND, "ART22_REQUEST")
                .set(CREDIT_REVIEW.STATUS, "OPEN").set(CREDIT_REVIEW.REQUESTED_AT, OffsetDateTime.now(clock))
                .set(CREDIT_REVIEW.REQUESTED_BY, Actor.current().name())
                .set(CREDIT_REVIEW.REQUEST_NOTE, note == null || note.isBlank() ? null : note.strip()).execute();
        audit.record(AuditEvent.of("credit-check.review-requested", "credit-check", checkId)
                .subject(check.getSubjectId()).purpose("GDPR art. 22"));
        return id;
    }

    /** A reviewer's decision; {@code approvedAmount} (optional, accept only) approves less than was ordered. */
    @Transactional
    public void decide(UUID reviewId, Decision decision, String reason, @Nullable BigDecimal approvedAmount) {
        if (decision == Decision.REFER) {
            throw new ValidationException("A review decides.", List.of(new FieldError("decision", "ACCEPT or REJECT")));
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("A review needs a reason.", List.of(new FieldError("reason",
                    "required: say why (it is shown to the customer on request and audited)")));
        }
        CreditReviewRecord review = dsl.selectFrom(CREDIT_REVIEW).where(CREDIT_REVIEW.ID.eq(reviewId)).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException("Review", reviewId));
        if (!review.getStatus().equals("OPEN")) {
            throw new ConflictException("Review " + reviewId + " was already decided.");
        }
        var check = dsl.selectFrom(CREDIT_CHECK).where(CREDIT_CHECK.ID.eq(review.getCheckId())).fetchSingle();
        BigDecimal amount = approvedAmount == null ? check.getAmount() : approvedAmount;
        if (decision == Decision.ACCEPT && (amount.signum() <= 0 || amount.compareTo(check.getAmount()) > 0
                || amount.scale() > 2)) {
            throw new ValidationException("The approved amount is invalid.", List.of(new FieldError("approvedAmount",
                    "between 0.01 and the ordered " + check.getAmount())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.update(CREDIT_REVIEW).set(CREDIT_REVIEW.STATUS, "DECIDED").set(CREDIT_REVIEW.DECISION, decision.name())
                .set(CREDIT_REVIEW.APPROVED_AMOUNT, decision == Decision.ACCEPT ? amount : null)
                .set(CREDIT_REVIEW.REASON, reason.strip()).set(CREDIT_REVIEW.DECIDED_BY, Actor.current().name())
                .set(CREDIT_REVIEW.DECIDED_AT, now).where(CREDIT_REVIEW.ID.eq(reviewId)).execute();
        holdOrFree(check.getId(), check.getIdentityId(), check.getPolicyVersion(), decision, amount,
                check.getCurrency(), check.getOrderReference(), now);
        audit.record(AuditEvent.of("credit-check.reviewed", "credit-check", check.getId())
                .subject(check.getSubjectId()).detail("decision", decision.name()).detail("kind", review.getKind()));
        events.publishEvent(new CreditCheckReviewed(TenantContext.require(), check.getId(), reviewId, decision));
        webhooks.send(TenantContext.require(), "credit-check.reviewed", Map.of("checkId", check.getId().toString(),
                "decision", decision.name(), "amount", amount.toPlainString()));
    }

    private void holdOrFree(UUID checkId, UUID identityId, int policyVersion, Decision decision, BigDecimal amount,
                            String currency, @Nullable String reference, OffsetDateTime now) {
        if (decision == Decision.REJECT) {
            dsl.update(CREDIT_RESERVATION).set(CREDIT_RESERVATION.STATUS, "REJECTED")
                    .set(CREDIT_RESERVATION.CLOSED_AT, now).where(CREDIT_RESERVATION.CHECK_ID.eq(checkId))
                    .and(CREDIT_RESERVATION.STATUS.in("OPEN", "PENDING_REVIEW")).execute();
            return;
        }
        int days = dsl.select(CREDIT_POLICY.DOCUMENT).from(CREDIT_POLICY).where(CREDIT_POLICY.VERSION.eq(policyVersion))
                .fetchOptional(CREDIT_POLICY.DOCUMENT).map(d -> policies.document(d.data()).exposure().reservationDays())
                .orElse(14);
        dsl.insertInto(CREDIT_RESERVATION).set(CREDIT_RESERVATION.TENANT_ID, TenantContext.require())
                .set(CREDIT_RESERVATION.CHECK_ID, checkId).set(CREDIT_RESERVATION.IDENTITY_ID, identityId)
                .set(CREDIT_RESERVATION.AMOUNT, amount).set(CREDIT_RESERVATION.CURRENCY, currency)
                .set(CREDIT_RESERVATION.ORDER_REFERENCE, reference).set(CREDIT_RESERVATION.STATUS, "OPEN")
                .set(CREDIT_RESERVATION.EXPIRES_AT, now.plusDays(days)).set(CREDIT_RESERVATION.CREATED_AT, now)
                .onConflict(CREDIT_RESERVATION.TENANT_ID, CREDIT_RESERVATION.CHECK_ID).doUpdate()
                .set(CREDIT_RESERVATION.STATUS, "OPEN").set(CREDIT_RESERVATION.AMOUNT, amount)
                .set(CREDIT_RESERVATION.EXPIRES_AT, now.plusDays(days)).set(CREDIT_RESERVATION.CLOSED_AT,
                        (OffsetDateTime) null).execute();
    }

    /** For a reviewer's page: the open review of a check, if any. */
    public @Nullable UUID openReviewOf(UUID checkId) {
        return dsl.select(CREDIT_REVIEW.ID).from(CREDIT_REVIEW).where(CREDIT_REVIEW.CHECK_ID.eq(checkId))
                .and(CREDIT_REVIEW.STATUS.eq("OPEN")).fetchOne(CREDIT_REVIEW.ID);
    }
}
